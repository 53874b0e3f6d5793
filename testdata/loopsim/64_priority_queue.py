import asyncio

async def worker(q, out):
    while True:
        prio, d = await q.get()
        await asyncio.sleep(d)
        out.append(prio)
        q.task_done()

async def main():
    q = asyncio.PriorityQueue()
    for prio, d in [(3, 0.05), (1, 0.1), (2, 0.02), (5, 0.04), (4, 0.03)]:
        q.put_nowait((prio, d))
    out = []
    workers = [asyncio.create_task(worker(q, out)) for _ in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    print(out)

if __name__ == "__main__":
    asyncio.run(main())
