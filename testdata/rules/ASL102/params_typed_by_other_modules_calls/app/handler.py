# An untyped parameter of a constructor takes the type every call of the
# project passes it (here only consumer.py constructs the handler, with a
# nats client): `self.nc.publish(...)` is a coroutine call.
import json


class DgHandler:
    def __init__(self, nc):
        self.nc = nc

    def handle(self, ips) -> None:
        self.nc.publish("ch.write.raw", json.dumps(ips).encode())  # want: ASL102 "coroutine `self\.nc\.publish\(\)` is never awaited"


class Sender:
    @classmethod
    def create(cls, client):
        client.publish("created", b"")  # want: ASL102
        return cls()


class Reporter:
    # Built by a factory that returns the new object (consumer.py): a call
    # whose value is handed on is still a call of the constructor.
    def __init__(self, nc):
        self.nc = nc

    def report(self):
        self.nc.publish("reports", b"")  # want: ASL102


class AwaitingHandler:
    # Quiet: the same client, awaited.
    def __init__(self, nc):
        self.nc = nc

    async def handle(self):
        await self.nc.publish("s", b"")


class AnnotatedHandler:
    # Quiet: the annotation wins over what the callers pass.
    def __init__(self, bus: "LocalBus"):
        self.bus = bus

    def handle(self):
        self.bus.publish("s", b"")


from app.bus import LocalBus  # noqa: E402
