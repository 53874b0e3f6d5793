import asyncio


class Client:
    def __init__(self, connection, auth):
        self._connection = connection
        self._auth = auth
        self._authenticated = False

    async def auth_complete_async(self):
        # Does a step of the handshake each time it is asked.
        in_progress = await self._auth.handle_token_async()
        if in_progress:
            await self._connection.work_async()
            return False
        return True

    async def is_authenticated(self):
        # Only reads state.
        return self._authenticated

    async def mgmt_request(self, message):
        # Quiet: the condition drives the handshake; the sleep paces it.
        while not await self.auth_complete_async():
            await asyncio.sleep(0.05)
        return await self._connection.send(message)

    async def wait_authenticated(self):
        # Fires: the coroutine in the condition only reads a flag.
        while not await self.is_authenticated():  # want: ASYNC110
            await asyncio.sleep(0.05)


async def ensure_async(obj):
    if asyncio.iscoroutine(obj):
        return await obj
    return obj


class Kernel:
    def is_alive(self):
        return self.process.poll() is None

    async def wait(self):
        # Fires: the wrapper in the condition only awaits what it is given.
        while await ensure_async(self.is_alive()):  # want: ASYNC110
            await asyncio.sleep(0.1)
