# Fires: this module makes asyncio futures and hands notify_all to a thread.
import asyncio
import threading

from backends.common import Notifier


async def watch(source):
    notifier = Notifier()
    fut = asyncio.get_running_loop().create_future()
    notifier.wait(fut)
    threading.Thread(target=notifier.notify_all, args=(source.read(),)).start()
    return await fut
