import asyncio

from ..settings import PARSE_TIME


async def parse(job):
    # CPU-free stand-in for a parser waiting on a remote service.
    await asyncio.sleep(PARSE_TIME * (1 + job % 2))
    return {"job": job, "fields": job * 2}
