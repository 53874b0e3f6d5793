# a and b import names from each other at import time: Python raises
# ImportError; the simulation must end and say so.
import asyncio

import app.a  # a module importing itself is the partly run module
from app.b import g


async def f():
    await asyncio.sleep(0.05)
    await g()
