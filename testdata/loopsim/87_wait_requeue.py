import asyncio

async def job(i):
    await asyncio.sleep(0.03 * (i % 4 + 1))
    return i

async def main():
    todo = list(range(10))
    running = set()
    finished = 0
    while todo or running:
        while todo and len(running) < 3:
            running.add(asyncio.create_task(job(todo.pop())))
        done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
        finished += len(done)
    return finished

if __name__ == "__main__":
    asyncio.run(main())
