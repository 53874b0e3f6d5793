import asyncio
import threading


async def run_blocking(fn, *args):
    # Runs fn in a thread of its own (the configured offload helper).
    done = asyncio.get_running_loop().create_future()
    threading.Thread(target=lambda: fn(*args)).start()
    return await done


class Pool:
    def run(self, fn, *args):
        return fn(*args)


def run_inline(fn, *args):
    # Not configured: it calls fn on the calling thread.
    return fn(*args)
