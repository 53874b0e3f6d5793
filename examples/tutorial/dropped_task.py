"""A background task whose only reference is dropped."""
import asyncio


async def heartbeat():
    while True:
        print("still alive")
        await asyncio.sleep(1)


async def main():
    asyncio.create_task(heartbeat())  # may be garbage-collected mid-flight
    await asyncio.sleep(5)
