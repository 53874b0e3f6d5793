# 150 sleeps of 2 ms in a row: the loop's wake-up latency adds up
# (about 0.2 ms per wake on Linux) -> about 0.33 s.
import asyncio


async def main():
    for _ in range(150):
        await asyncio.sleep(0.002)


if __name__ == "__main__":
    asyncio.run(main())
