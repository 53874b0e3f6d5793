# shield() keeps a save running when the caller gives up waiting on it.
import asyncio


async def save(record: dict) -> str:
    await asyncio.sleep(0.2)
    return f"saved {record['id']}"


async def main():
    task = asyncio.create_task(save({"id": 7}))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.05)
    except asyncio.TimeoutError:
        print("still saving in the background")
    await asyncio.sleep(0.05)
    print(await task)


if __name__ == "__main__":
    asyncio.run(main())
