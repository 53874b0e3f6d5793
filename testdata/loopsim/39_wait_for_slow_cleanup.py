# wait_for (3.11) waits for the cancelled task to finish its cleanup before
# raising TimeoutError -> 0.1 + 0.15 = 0.25 s.
import asyncio


async def op():
    try:
        await asyncio.sleep(1)
    finally:
        await asyncio.sleep(0.15)


async def main():
    try:
        await asyncio.wait_for(op(), 0.1)
    except asyncio.TimeoutError:
        pass


if __name__ == "__main__":
    asyncio.run(main())
