# Clients whose latency is an attribute; a manager fans out to them and
# falls back sequentially to a backup on the slow path.
import asyncio


class Client:
    def __init__(self, name: str, delay: float):
        self.name = name
        self.delay = delay

    async def get(self, key: str) -> str:
        await asyncio.sleep(self.delay)
        return f"{self.name}:{key}"


class Manager:
    def __init__(self, clients):
        self.clients = clients
        self.backup = Client("backup", 0.04)

    async def get_everywhere(self, key: str):
        first = await asyncio.gather(*(c.get(key) for c in self.clients))
        if len(first) < 5:
            first.append(await self.backup.get(key))
        return first


async def main():
    mgr = Manager([Client("a", 0.1), Client("b", 0.06), Client("c", 0.13)])
    for key in ("k1", "k2"):
        print(await mgr.get_everywhere(key))


if __name__ == "__main__":
    asyncio.run(main())
