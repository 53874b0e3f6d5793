# Generator-based coroutines (`@asyncio.coroutine`, `@types.coroutine` on a
# generator; Python before 3.11): calling one makes a coroutine, and inside
# one `yield from` is the await, so what it gives has the awaited type. A
# plain generator is not a coroutine function.
import asyncio
import types
from asyncio import coroutine

import aiohttp


class Server:
    def __init__(self, url, session=None):
        # Set as a class overriding __setattr__ must: the attribute is typed all the same.
        object.__setattr__(self, "session", session or aiohttp.ClientSession())
        self._client = None
        self._url = url

    @asyncio.coroutine
    def connect(self):
        self._client = yield from self.session.ws_connect(self._url)

    @asyncio.coroutine
    def send(self, message):
        self._client.send_str(message)  # want: ASL102 "add `yield from`"
        reply = self._client.receive().data  # want: ASL102
        yield from self._client.send_str(message)

    @asyncio.coroutine
    def close(self):
        yield from self._client.close()

    @coroutine
    def stop(self):
        self.close()  # want: ASL102
        yield from asyncio.sleep(1)

    @types.coroutine
    def pause(self):
        yield

    @asyncio.coroutine
    def reconnect(self):
        yield from self.close()
        return self.connect()  # want: ASL102 "returned un-awaited from coroutine function `reconnect`"

    @asyncio.coroutine
    def wrapped_reconnect(self):
        # Quiet: @asyncio.coroutine on a plain function awaits what it returns.
        return self.connect()

    def sync_close(self):
        self.close()  # want: ASL102 "await it from async code"


@asyncio.coroutine
def plain_function_wrapped():
    return 1


def numbers():
    yield 1
    yield 2


@types.coroutine
def not_a_generator():
    return 1


async def caller(server: Server):
    server.connect()  # want: ASL102
    server.pause()  # want: ASL102
    plain_function_wrapped()  # want: ASL102
    # Quiet: awaited.
    await server.connect()
    await server.pause()
    # Quiet: a plain generator is not a coroutine function.
    numbers()
    # Quiet: types.coroutine leaves a function that is no generator as it is.
    not_a_generator()


def generator(server: Server):
    # Quiet: `yield from` delegates to it.
    yield from server.connect()
    yield from numbers()
