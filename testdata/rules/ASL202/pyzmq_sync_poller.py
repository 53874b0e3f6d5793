# pyzmq's synchronous Poller.poll(timeout=None) waits until an event is
# ready or the timeout (milliseconds; None is no timeout) elapses, on the
# caller's thread (its docstring, zmq/sugar/poll.py). zmq.asyncio.Poller is
# the asyncio twin whose poll returns a Future (jupyter_client fixed its
# `_async_execute_interactive` this way, jupyter_client#1022).
import asyncio

import zmq
import zmq.asyncio
from zmq import Poller


async def wait_for_output(socket, timeout_ms: int):
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    events = dict(poller.poll(timeout_ms))  # want: ASL202 "`poller\.poll\(\)` \(zmq\.Poller\.poll\) blocks the event loop in async function `wait_for_output`; use pyzmq's asyncio poller"
    return socket in events


class Channel:
    def __init__(self, socket):
        self.poller = Poller()
        self.poller.register(socket, zmq.POLLIN)

    async def ready(self):
        return bool(self.poller.poll())  # want: ASL202


# Quiet: the asyncio poller, awaited; poll(0) and poll(timeout=0) return at
# once; a poll in a worker thread; a poll in sync code.
async def wait_async(socket, timeout_ms: int):
    poller = zmq.asyncio.Poller()
    poller.register(socket, zmq.POLLIN)
    return dict(await poller.poll(timeout_ms))


async def peek(socket):
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    return bool(poller.poll(0)) or bool(poller.poll(timeout=0))


async def wait_in_thread(socket, timeout_ms: int):
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    return await asyncio.to_thread(poller.poll, timeout_ms)


def wait_sync(socket, timeout_ms: int):
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    return dict(poller.poll(timeout_ms))
