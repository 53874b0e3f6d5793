# The project's jobs: private coroutine methods. `_run` shares its name with
# asyncio's Handle._run, which runs a callback synchronously.
import asyncio


class Job:
    async def _run(self):
        await asyncio.sleep(0)

    async def _start(self):
        await asyncio.sleep(0)
