import asyncio


class Client:
    async def close(self):
        await asyncio.sleep(0)

    def __del__(self):
        loop = asyncio.get_event_loop()
        if loop.is_running():
            # Quiet: event loops have no ensure_future method; the call raises
            # AttributeError and no task is made (engineio's __del__).
            loop.ensure_future(self.close())

    def close_soon(self):
        loop = asyncio.get_event_loop()
        loop.create_task(self.close())  # want: ASYNC300
