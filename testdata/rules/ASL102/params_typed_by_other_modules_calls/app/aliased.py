# Calls functions of funcs.py imported under other names.
from nats.aio.client import Client

from app.bus import LocalBus
from app.funcs import alert as warn
from app.funcs import herald as shout


def go(nc: Client):
    warn(LocalBus(), "x")
    shout(nc, "y")
