# A method named like the event loop's run_until_complete, on a receiver
# whose type the analysis does not know, is the loop's only when its value is
# used as the loop's is (a result). Awaiting the call, or handing it to
# gather / wait_for / create_task, shows a coroutine method of that name
# (the loop's returns the result, not an awaitable).
import asyncio


class Speaker:
    stream = None  # set to the project's stream object elsewhere

    async def wait_until_audio_completes(self):
        stream = self.stream
        if stream is None:
            raise RuntimeError("no audio")
        await stream.run_until_complete()

    async def wait_all(self, streams):
        await asyncio.gather(*[s.run_until_complete() for s in streams])
        await asyncio.wait_for(streams[0].run_until_complete(), 5)
        task = asyncio.create_task(streams[1].run_until_complete())
        await task


async def run_on_given_loop(loop, coro):
    return loop.run_until_complete(coro)  # want: ASL101 "`loop.run_until_complete\(\)` called in coroutine `run_on_given_loop` raises RuntimeError"


async def run_and_keep(worker, coro):
    result = worker.run_until_complete(coro)  # want: ASL101
    return result


async def run_dropped(runner, coro):
    runner.run_until_complete(coro)  # want: ASL101
