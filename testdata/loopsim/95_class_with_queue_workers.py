import asyncio

class Pool:
    def __init__(self, size):
        self.size = size
        self.queue = asyncio.Queue()
        self.done = 0

    async def _worker(self):
        while True:
            job = await self.queue.get()
            try:
                await asyncio.sleep(job)
                self.done += 1
            finally:
                self.queue.task_done()

    async def run(self, jobs):
        for j in jobs:
            self.queue.put_nowait(j)
        workers = [asyncio.create_task(self._worker()) for _ in range(self.size)]
        await self.queue.join()
        for w in workers:
            w.cancel()
        return self.done

async def main():
    pool = Pool(4)
    return await pool.run([0.05] * 10 + [0.1] * 2)

if __name__ == "__main__":
    asyncio.run(main())
