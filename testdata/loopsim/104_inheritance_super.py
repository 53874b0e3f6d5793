import asyncio

class Base:
    delay = 0.05

    def __init__(self, name):
        self.name = name

    async def run(self):
        await asyncio.sleep(self.delay)
        return self.name

class Slow(Base):
    delay = 0.1

    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    async def run(self):
        first = await super().run()
        await asyncio.sleep(self.extra)
        return first

    @property
    def total(self):
        return self.delay + self.extra

    @staticmethod
    def make(n):
        return Slow(f"s{n}", 0.01 * n)

async def main():
    jobs = [Base("a"), Slow("b", 0.05), Slow.make(3)]
    await asyncio.gather(*(j.run() for j in jobs))
    print(jobs[1].total)

if __name__ == "__main__":
    asyncio.run(main())
