# Generator-based coroutines (`@asyncio.coroutine`, Python before 3.11) run
# on the event loop like an async def: a synchronous helper that blocks,
# called in one, stalls every other task (the Home Assistant Elasticsearch
# shipper's publish timer, `self.do_publish()` whose elasticsearch-py
# `bulk()` is an HTTP request). Their advice waits with `yield from`.
import asyncio
from asyncio import coroutine

import requests


def upload(documents):
    return requests.post("https://example.invalid/_bulk", json=documents)


class Publisher:
    def __init__(self):
        self.queue = []

    def do_publish(self):
        upload(self.queue)
        self.queue = []

    @asyncio.coroutine
    def publish_timer(self):
        while True:
            self.do_publish()  # want: ASL201 "generator-based coroutine `publish_timer`: it reaches blocking `requests\.post\(\)`.*with `yield from asyncio\.to_thread\(\.\.\.\)`"
            yield from asyncio.sleep(60)

    @coroutine
    def publish_once(self):
        upload(self.queue)  # want: ASL201 "generator-based coroutine `publish_once`"
        yield from asyncio.sleep(0)

    @asyncio.coroutine
    def publish_in_thread(self):
        # Quiet: the helper runs in a thread.
        yield from asyncio.get_event_loop().run_in_executor(None, self.do_publish)

    def publish_generator(self):
        # Quiet: a plain generator is not a coroutine (it runs where it is iterated).
        self.do_publish()
        yield

    def publish_now(self):
        # Quiet: synchronous code.
        self.do_publish()
