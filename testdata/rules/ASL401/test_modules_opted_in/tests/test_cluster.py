# With blocking-in-tests = true, test modules are checked for sequential
# awaits too.
import asyncio


async def fetch(name, delay=0.2):
    await asyncio.sleep(delay)
    return name


async def test_steps_in_order():
    await fetch("a")  # want: ASL401
    await fetch("b")
    await fetch("c")
