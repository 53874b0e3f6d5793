# With ASYNC104 turned off, a handler left only by `return` is still
# reported, by ASYNC103 on the handler.
import asyncio


async def fetch(client, url):
    return await client.get(url)


async def only_returns(client, url):
    try:
        return await fetch(client, url)
    except asyncio.CancelledError:  # want: ASYNC103 "on line 14"
        return None
