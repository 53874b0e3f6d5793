# Calls the functions of funcs.py with a nats client, positionally and by
# keyword.
from nats.aio.client import Client

from app.funcs import alert, broadcast, forward, notify, on_message, relay


def start(nc: Client):
    notify(nc, "a")
    notify(client=nc, subject="b")
    relay(nc, "c")
    forward(nc, "d")
    broadcast(nc, "e")
    alert(nc, "f")
    on_message(nc)
    register(on_message)


def register(callback):
    return callback
