# An importable module: another module may await its public main().
import asyncio


async def main():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # want: ASYNC103
        pass


def run():
    asyncio.run(main())


async def _serve():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # quiet: private, and run only as asyncio.run's main task
        return 2
    return 0


def serve():
    return asyncio.run(_serve())
