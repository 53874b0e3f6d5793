# Receivers of unknown type (an untyped attrs field, an attribute set from a
# parameter) calling private methods the project defines in threads.py.

import asyncio

import attr
import somelib


@attr.s
class Message:
    thread = attr.ib()
    id = attr.ib()

    async def fetch(self):
        info = await self.thread._forced_fetch(self.id).get("message")  # want: ASL102 "coroutine `self.thread._forced_fetch\(\)` is never awaited"
        return info

    async def fetch_awaited(self):
        return (await self.thread._forced_fetch(self.id)).get("message")  # quiet: awaited

    async def send(self, data):
        self.thread._send_raw(data)  # want: ASL102

    async def send_in_background(self, data):
        task = asyncio.create_task(self.thread._send_raw(data))  # quiet: handed to create_task
        await asyncio.gather(self.thread._send_raw(data), task)  # quiet: handed to gather

    async def flush(self):
        self.thread._flush_both()  # quiet: local_threads.py defines a synchronous _flush_both

    async def stream(self):
        return self.thread._stream()  # quiet: an async generator, no coroutine

    async def cached(self):
        self.thread._cached_fetch(self.id)  # quiet: a class binds _cached_fetch other than by async def

    async def public(self):
        self.thread.send_text("hi")  # quiet: a public name some library type may provide

    async def library_module(self):
        somelib._forced_fetch(self.id)  # quiet: the receiver is an imported module

    async def probed(self):
        if hasattr(self.thread, "_send_raw"):
            self.thread._send_raw({})  # quiet: under a test of what the value is


class Reply:
    def __init__(self, thread):
        self.thread = thread

    async def fetch(self, message_id):
        reply = self.thread._forced_fetch(message_id)  # want: ASL102
        return reply["text"]


async def fetch_from(thread, message_id):
    data = thread._forced_fetch(message_id)  # want: ASL102
    return data.get("text")


async def write_to(stream, data):
    stream._write(data)  # quiet: local_threads.py assigns `self._write` a synchronous callable


# At module level (no enclosing function), in a comprehension too.
THREADS = somelib.threads()
THREADS[0]._send_raw({})  # want: ASL102
PENDING = [t._send_raw({}) for t in THREADS]  # quiet: a stored list is not followed (this line once crashed the rule)
