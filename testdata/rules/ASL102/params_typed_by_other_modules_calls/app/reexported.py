# Calls functions of funcs.py through api.py's re-export.
from nats.aio.client import Client

from app.api import announce, broadcast
from app.bus import LocalBus


def go(nc: Client):
    announce(nc, "x")
    broadcast(LocalBus(), "y")
