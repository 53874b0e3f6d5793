import asyncio
import functools
import logging

logging.basicConfig(level=logging.WARNING)
log = logging.getLogger(__name__)

@functools.lru_cache(maxsize=None)
def delay_for(kind):
    return {"a": 0.05, "b": 0.1}.get(kind, 0.2)

async def task(kind):
    log.info("start %s", kind)
    await asyncio.sleep(delay_for(kind))
    log.info("end %s", kind)

async def main():
    await asyncio.gather(task("a"), task("b"), task("c"))
    await task("a")

if __name__ == "__main__":
    asyncio.run(main())
