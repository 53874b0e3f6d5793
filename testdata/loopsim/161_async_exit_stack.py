# contextlib.AsyncExitStack entering several async resources; they close in
# reverse order on exit.
import asyncio
import contextlib


class Resource:
    def __init__(self, name: str, open_cost: float, close_cost: float):
        self.name, self.open_cost, self.close_cost = name, open_cost, close_cost

    async def __aenter__(self):
        await asyncio.sleep(self.open_cost)
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(self.close_cost)


async def main():
    async with contextlib.AsyncExitStack() as stack:
        resources = [await stack.enter_async_context(Resource(n, 0.02, 0.01)) for n in "abc"]
        await asyncio.sleep(0.05)
    print([r.name for r in resources])


if __name__ == "__main__":
    asyncio.run(main())
