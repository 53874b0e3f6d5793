import asyncio


async def ask():
    return input("name? ")  # want: ASYNC250 "`input\(\)` blocks the event loop in async function `ask`; use `await asyncio\.to_thread\(input"


# Quiet.
async def ask_in_thread():
    return await asyncio.to_thread(input, "name? ")


async def shadowed(input):
    return input("x")


def sync_ask():
    return input()
