import asyncio


async def wait_socket_closed(sock):
    loop = asyncio.get_running_loop()
    # Quiet: each test asks the socket in a worker thread; nothing in the
    # program changes the state it reads, nothing could set an Event.
    async with asyncio.timeout(60):
        while (await loop.run_in_executor(None, sock.fileno)) != -1:
            await asyncio.sleep(1)


async def wait_child(proc):
    # Quiet: the child's exit is asked in a thread each time.
    while await asyncio.to_thread(proc.poll) is None:
        await asyncio.sleep(0.1)


class Pool:
    def __init__(self):
        self.busy = 0

    async def wait_idle(self):
        # Fires: the count is program state, whatever else the loop awaits.
        while self.busy and await asyncio.sleep(0, result=True):  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def wait_empty(self, q):
        # Fires: a plain query of a queue the program fills.
        while not q.empty():  # want: ASYNC110
            await asyncio.sleep(0.1)
