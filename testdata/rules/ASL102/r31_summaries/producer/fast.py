from aiormq.base import FastChannel, SlowChannel


class AsyncFast(FastChannel):
    async def publish(self, body):
        return body

    async def close(self):
        return None

    async def ping(self):
        return None


class AsyncSlow(SlowChannel):
    async def close(self):
        return None

    async def ping(self):
        return None


async def go(fast: FastChannel, slow: SlowChannel):
    fast.publish(b"")
    slow.publish(b"")
    fast.close()
    slow.close()
    fast.flush()
    slow.flush()
    fast.ping()
    slow.ping()
