from clients import Client
from handler import Handler


class App:
    nc: Client

    def make(self):
        Handler(nc=self.nc).handle()
