import asyncio

results = []

async def step(n):
    await asyncio.sleep(0.05)
    return n

def on_done(task):
    n = task.result()
    if n < 4:
        t = asyncio.ensure_future(step(n + 1))
        t.add_done_callback(on_done)
    else:
        finished.set()

finished = None

async def main():
    global finished
    finished = asyncio.Event()
    t = asyncio.create_task(step(0))
    t.add_done_callback(on_done)
    await finished.wait()

if __name__ == "__main__":
    asyncio.run(main())
