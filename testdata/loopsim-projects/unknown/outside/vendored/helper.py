# A nested project: `asyncls check` reads it as a project of its own, so
# the simulation of ../main.py does not follow imports into it.
import asyncio


async def slow():
    await asyncio.sleep(5)
