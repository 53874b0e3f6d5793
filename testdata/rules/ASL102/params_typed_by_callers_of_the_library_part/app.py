from nats.aio.client import Client

from helpers import notify, relay


def start(nc: Client):
    notify(nc, "a")
    relay(nc, "b")
