from nats.aio.client import Client
