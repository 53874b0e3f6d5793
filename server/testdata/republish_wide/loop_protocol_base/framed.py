from proto import LineProtocol


class FramedProtocol(LineProtocol):
    pass
