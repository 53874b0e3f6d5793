"""The unsafe gather rewrite, for a run of awaits and for a loop. Markers sit
above the lines, and loops are written on one line: ASL401 leaves code with a
comment in it as it is."""
import asyncio


async def fetch(name, delay=0.2):
    await asyncio.sleep(delay)
    return name


async def sequential():
    # want: ASL401 "^2 independent awaits run one after another"
    a = await fetch("a")
    b = await fetch("b")
    return a, b


async def bare_statements():
    # want: ASL401 "^3 independent awaits"
    await fetch("a", 0.1)
    await fetch("b", 0.1)
    await fetch("c", 0.1)


async def loop_over_constants():
    results = []
    # want: ASL401 "^the awaits of this loop run one after another"
    for name in ["a", "b", "c", "d"]: results.append(await fetch(name))
    return results


async def loop_unknown(names):
    # want: ASL401
    for name in names: await fetch(name)


async def dependent():
    a = await fetch("a")
    b = await fetch(a)
    return b
