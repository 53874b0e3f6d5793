"""A download manager whose tasks start their follow-up from a done
callback: each finished page schedules the parsing of that page, and the
manager waits until every parse has run."""
import asyncio


class Manager:
    def __init__(self):
        self.parses = []
        self.all_done = asyncio.Event()
        self.expected = 0

    async def download(self, url, delay):
        await asyncio.sleep(delay)
        return url, delay * 10

    async def parse(self, url, size):
        await asyncio.sleep(size / 100)
        self.parses.append(url)
        if len(self.parses) == self.expected:
            self.all_done.set()

    def _downloaded(self, task):
        url, size = task.result()
        t = asyncio.get_running_loop().create_task(self.parse(url, size))
        self.parses_tasks.append(t)

    async def run(self, pages):
        self.expected = len(pages)
        self.parses_tasks = []
        downloads = []
        for url, delay in pages:
            t = asyncio.create_task(self.download(url, delay))
            t.add_done_callback(self._downloaded)
            downloads.append(t)
        await asyncio.gather(*downloads)
        await self.all_done.wait()


async def main():
    m = Manager()
    await m.run([("a", 0.05), ("b", 0.1), ("c", 0.02), ("d", 0.07)])
    print(m.parses)


if __name__ == "__main__":
    asyncio.run(main())
