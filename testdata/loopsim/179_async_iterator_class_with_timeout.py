# A class-based async iterator (ticks every 25 ms) consumed under
# asyncio.timeout; the timeout ends the iteration.
import asyncio


class Ticker:
    def __init__(self, interval: float, limit: int):
        self.interval = interval
        self.limit = limit
        self.count = 0

    def __aiter__(self):
        return self

    async def __anext__(self) -> int:
        if self.count >= self.limit:
            raise StopAsyncIteration
        await asyncio.sleep(self.interval)
        self.count += 1
        return self.count


async def main():
    seen = []
    try:
        async with asyncio.timeout(0.16):
            async for n in Ticker(0.025, 100):
                seen.append(n)
    except TimeoutError:
        pass
    async for n in Ticker(0.01, 3):
        seen.append(n)
    print(seen)


if __name__ == "__main__":
    asyncio.run(main())
