# A close scheduled from a finaliser and dropped: nothing else holds the task
# while its creator is being destroyed (aio-pika, aioinflux, redis). Kept in
# a module-level set, it runs to its end.
import asyncio

_closing = set()


class Connection:
    def __del__(self):
        if not self.loop.is_closed():
            asyncio.ensure_future(self.close())  # want: ASYNC300


class Client:
    def __del__(self):
        try:
            loop = asyncio.get_event_loop()
            if loop.is_running():
                loop.create_task(self.disconnect())  # want: ASYNC300
        except Exception:
            pass


class KeptClient:
    def __del__(self):
        task = asyncio.ensure_future(self.close())
        _closing.add(task)
        task.add_done_callback(_closing.discard)
