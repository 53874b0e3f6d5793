from nats.aio.client import Client

from api import Handler


class App:
    nc: Client

    def make(self):
        Handler(nc=self.nc).handle()
