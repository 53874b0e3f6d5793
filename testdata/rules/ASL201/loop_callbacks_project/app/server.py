# The callback's class derives from asyncio.Protocol only through project
# classes of two other modules (app.mid, app.proto.base, re-exported by
# app.proto): the loop still calls data_received on its thread.
import subprocess

from app.mid import FramedProtocol


class Relay(FramedProtocol):
    def data_received(self, data):
        for line in self.frame(data):
            subprocess.run(["logger", line.decode()])  # want: ASL201

    def summary(self):  # not a callback the loop calls
        subprocess.run(["uptime"])
