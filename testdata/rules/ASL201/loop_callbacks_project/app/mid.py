# A project class between the library's protocol and the subclass that
# defines the callback; it imports the base through the package's re-export.
from app.proto import LineProtocol


class FramedProtocol(LineProtocol):
    def frame(self, data):
        return data.split(b"\n")
