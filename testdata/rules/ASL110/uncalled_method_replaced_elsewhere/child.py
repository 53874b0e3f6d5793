import asyncio

from base import Base


class Child(Base):
    def __init__(self):
        self.ready = asyncio.get_event_loop().create_future()
