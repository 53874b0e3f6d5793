import asyncio

import discord


async def heartbeat():
    while True:
        await asyncio.sleep(30)


async def worker(n):
    await asyncio.sleep(n)


class MyClient(discord.Client):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bg_task = None

    async def setup_hook(self):
        self.loop.create_task(heartbeat())  # want: ASYNC300
        self.bg_task = self.loop.create_task(heartbeat())

    async def on_message(self, message):
        asyncio.create_task(worker(1))  # want: ASYNC300
        asyncio.ensure_future(worker(2))  # want: ASYNC300


async def main():
    loop = asyncio.get_running_loop()
    loop.create_task(worker(3))  # want: ASYNC300
    for i in range(3):
        asyncio.create_task(worker(i))  # want: ASYNC300
    [asyncio.create_task(worker(i)) for i in range(3)]  # want: ASYNC300
    print(asyncio.create_task(worker(4)))  # want: ASYNC300
    flag = True
    flag and asyncio.create_task(worker(5))  # want: ASYNC300
    tasks = [asyncio.create_task(worker(i)) for i in range(3)]
    await asyncio.gather(*tasks)
    background = set()
    t = asyncio.create_task(worker(6))
    background.add(t)
    t.add_done_callback(background.discard)
    asyncio.create_task(worker(7)).add_done_callback(print)  # want: ASYNC300


loop = asyncio.get_event_loop()
loop.create_task(heartbeat())  # want: ASYNC300
loop.run_until_complete(main())
