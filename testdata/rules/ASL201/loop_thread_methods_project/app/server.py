# The subclass's callbacks run on the loop: its base, in another module of
# the project, derives from asyncio.Protocol.
import time

import requests

from app.base import LineProtocol


class Relay(LineProtocol):
    def data_received(self, data):
        requests.post("https://relay.example.com/", data=data)  # want: ASL201

    def relay_later(self, data):
        time.sleep(1)
