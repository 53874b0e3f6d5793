# An async comprehension over an async generator, then a class-based async
# iterator: 4 * 0.03 + 3 * 0.04 = 0.24 s.
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.03)
        yield i


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.04)
        self.current -= 1
        return self.current


async def main():
    squares = [x * x async for x in numbers(4)]
    rest = []
    async for c in Countdown(3):
        rest.append(c)
    return squares, rest


if __name__ == "__main__":
    asyncio.run(main())
