import asyncio
import asyncio as aio
import signal
from concurrent.futures import ThreadPoolExecutor

executor = ThreadPoolExecutor(max_workers=4)


class Server:
    def __init__(self) -> None:
        # Quiet: a sync constructor (may run before any loop exists).
        self.loop = asyncio.get_event_loop()

    async def start(self) -> None:
        loop = asyncio.get_event_loop()  # want: ASL105
        loop.add_signal_handler(signal.SIGTERM, self.stop)
        await loop.run_in_executor(executor, self.warm_up)

    async def offload(self, fn, *args):
        return await aio.get_event_loop().run_in_executor(None, fn, *args)  # want: ASL105

    def warm_up(self) -> None:
        pass

    def stop(self) -> None:
        # Quiet: a sync callback.
        asyncio.get_event_loop().stop()

    async def good(self) -> float:
        return asyncio.get_running_loop().time()


async def outer():
    def callback():
        # Quiet: a nested sync function.
        return asyncio.get_event_loop()

    return callback


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(Server().start())
