import asyncio

class Crawler:
    def __init__(self, concurrency=2):
        self.sem = asyncio.Semaphore(concurrency)
        self.seen = []

    async def fetch(self, url):
        async with self.sem:
            await asyncio.sleep(0.05)
            self.seen.append(url)

    async def crawl(self, urls):
        await asyncio.gather(*[self.fetch(u) for u in urls])
        return len(self.seen)

async def main():
    c = Crawler(concurrency=3)
    return await c.crawl([f"https://example.com/{i}" for i in range(7)])

if __name__ == "__main__":
    asyncio.run(main())
