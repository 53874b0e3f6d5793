# Async methods on a class; instances with state -> max(0.1 * 3, 0.25) = 0.3 s.
import asyncio


class Client:
    def __init__(self, latency):
        self.latency = latency
        self.calls = 0

    async def request(self, path):
        self.calls += 1
        await asyncio.sleep(self.latency)
        return path

    async def batch(self, paths):
        out = []
        for p in paths:
            out.append(await self.request(p))
        return out


async def main():
    fast = Client(0.1)
    slow = Client(0.25)
    await asyncio.gather(fast.batch(["a", "b", "c"]), slow.request("z"))


if __name__ == "__main__":
    asyncio.run(main())
