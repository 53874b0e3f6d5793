# Constructs the handlers with a nats client it annotates.
from nats.aio.client import Client as NATS

from app.handler import AnnotatedHandler, AwaitingHandler, DgHandler, Reporter, Sender


class NatsDgConsumer:
    def __init__(self, nc: NATS):
        self.nc = nc
        self.dg_handler = DgHandler(self.nc)
        self.awaiting = AwaitingHandler(nc=nc)
        self.annotated = AnnotatedHandler(nc)
        self.sender = Sender.create(nc)

    async def start(self) -> None:
        await self.nc.subscribe("dg.load.command")


def make_reporter(nc: NATS):
    return Reporter(nc)
