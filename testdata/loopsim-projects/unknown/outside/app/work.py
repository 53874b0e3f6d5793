import asyncio

import vendorlib  # a library: not a module of this project


async def run():
    await asyncio.sleep(0.1)
    # Unknown: the simulator has no latency for this library.
    return await vendorlib.fetch("x")
