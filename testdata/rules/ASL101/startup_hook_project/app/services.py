import asyncio

import httpx


async def _send(user_id):
    async with httpx.AsyncClient() as client:
        await client.post("https://push.example.com", json={"user": user_id})


def notify_user(user_id):
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(_send(user_id))
    finally:
        loop.close()
