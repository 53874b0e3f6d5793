# Poll until a deadline computed from loop.time(); each poll costs 35 ms.
import asyncio


async def poll_until(deadline: float) -> int:
    loop = asyncio.get_running_loop()
    polls = 0
    while loop.time() < deadline:
        await asyncio.sleep(0.035)
        polls += 1
    return polls


async def main():
    loop = asyncio.get_running_loop()
    n = await poll_until(loop.time() + 0.2)
    print(n)


if __name__ == "__main__":
    asyncio.run(main())
