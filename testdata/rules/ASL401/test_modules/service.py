# Not a test module: the same awaits are reported.
import asyncio


async def fetch(name, delay=0.2):
    await asyncio.sleep(delay)
    return name


async def load_all():
    await fetch("a")  # want: ASL401
    await fetch("b")
    await fetch("c")
