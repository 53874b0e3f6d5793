import subprocess

from framed import FramedProtocol


class Relay(FramedProtocol):
    def data_received(self, data):
        subprocess.run(["logger", data.decode()])
