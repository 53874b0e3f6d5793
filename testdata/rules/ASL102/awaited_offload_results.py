# Awaiting an offload call (asyncio.to_thread, loop.run_in_executor,
# hass.async_add_executor_job, also through functools.partial) gives what
# the callable it runs returns: an async method of that object left
# un-awaited is a coroutine never awaited.
import asyncio
import functools


class Client:
    async def fetch(self) -> bytes:
        return b""

    def close(self) -> None:
        pass


def make_client() -> Client:
    return Client()


def make_client_unannotated(name):
    if name:
        return Client()
    return Client()


async def to_thread_result():
    client = await asyncio.to_thread(make_client)
    client.fetch()  # want: ASL102 "coroutine `client\.fetch\(\)` is never awaited"


async def executor_result(loop):
    client = await loop.run_in_executor(None, functools.partial(make_client_unannotated, "a"))
    client.fetch()  # want: ASL102


async def hass_job_result(hass):
    client = await hass.async_add_executor_job(make_client)
    client.fetch()  # want: ASL102


# Quiet: the nearest correct code awaits the method, or calls a plain one.
async def awaited(loop, hass):
    client = await asyncio.to_thread(make_client)
    await client.fetch()
    client.close()
    other = await loop.run_in_executor(None, make_client)
    data = await other.fetch()
    third = await hass.async_add_executor_job(functools.partial(make_client))
    return data, await third.fetch()

