"""The same programs written correctly: asyncls reports nothing here."""
import asyncio

background = set()


async def get_user(uid):
    await asyncio.sleep(0.1)
    return {"id": uid}


async def heartbeat():
    while True:
        print("still alive")
        await asyncio.sleep(1)


async def handler(uid):
    task = asyncio.create_task(heartbeat())
    background.add(task)
    task.add_done_callback(background.discard)
    users = await asyncio.gather(get_user(uid), get_user(uid + 1))
    await asyncio.sleep(1)
    return users


if __name__ == "__main__":
    asyncio.run(handler(1))
