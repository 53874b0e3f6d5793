"""asyncio.run() reached from a coroutine: RuntimeError at run time."""
import asyncio


async def get_user(uid):
    await asyncio.sleep(0.1)
    return {"id": uid}


def load_user(uid):
    # Fine from a script; fatal when called from async code.
    return asyncio.run(get_user(uid))


async def handler(uid):
    return load_user(uid)


if __name__ == "__main__":
    asyncio.run(handler(1))
