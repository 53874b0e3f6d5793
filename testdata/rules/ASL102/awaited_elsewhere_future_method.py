# A call awaited elsewhere in the function returns an awaitable; when the
# module defines a synchronous method of that name, it may return a Future
# (which needs no await), so a path that drops it is no mistake.
import asyncio


class XMLStream:
    def __init__(self):
        self._futures = []

    def features_future(self):
        fut = asyncio.get_running_loop().create_future()
        self._futures.append(fut)
        return fut


async def reset_and_get_features(xmlstream, timeout=None):
    fut = xmlstream.features_future()  # quiet: the module's features_future() returns a Future
    if timeout is not None:
        result = await asyncio.wait_for(fut, timeout=timeout)
    else:
        result = await xmlstream.features_future()
    return result


async def greet(client, timeout=None):
    reply = client.send_greeting()  # want: ASL102
    if timeout is not None:
        return await asyncio.wait_for(reply, timeout=timeout)
    return await client.send_greeting()
