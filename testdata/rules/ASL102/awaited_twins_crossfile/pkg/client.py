# The project's own client: `wait_ready` is synchronous (it returns a Future,
# which needs no await), `fetch` a coroutine method.
import asyncio


class Client:
    def wait_ready(self):
        return asyncio.get_running_loop().create_future()

    async def fetch(self, key):
        return key
