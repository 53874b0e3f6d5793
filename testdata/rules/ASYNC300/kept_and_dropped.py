import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    first = await asyncio.create_task(job(1))
    tasks = []
    for i in range(3):
        tasks.append(asyncio.create_task(job(i)))
    await asyncio.gather(*tasks, asyncio.create_task(job(4)))
    await asyncio.wait_for(asyncio.ensure_future(job(5)), timeout=10)
    return first


def spawn(loop):
    return loop.create_task(job(6))


async def fire_and_forget():
    loop = asyncio.get_running_loop()
    loop.create_task(job(7))  # want: ASYNC300
    asyncio.ensure_future(job(8))  # want: ASYNC300
    _ = asyncio.create_task(job(9))


loop = asyncio.new_event_loop()
asyncio.ensure_future(main(), loop=loop)  # want: ASYNC300
loop.run_forever()
