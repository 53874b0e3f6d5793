import redis.asyncio
import socketio

from app.status import StatusReporter, SubReporter


class Server:
    def __init__(self) -> None:
        self.sio = socketio.AsyncServer(async_mode="asgi")
        self.reporter = StatusReporter()

    def setup(self) -> None:
        self.reporter._socketio = self.sio
        self.reporter._redis = redis.asyncio.Redis()
        self.reporter._mixed = self.sio
        self.reporter._plain = socketio.Server()
        self.reporter._only_none = None


def other_server(reporter: StatusReporter) -> None:
    reporter._mixed = socketio.Server()


def sub_wiring(sub: SubReporter) -> None:
    # A store on a subclass's instance sets the subclass's attribute.
    sub._plain = socketio.AsyncServer()
