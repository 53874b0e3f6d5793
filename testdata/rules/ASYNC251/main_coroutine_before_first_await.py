# A new loop's main coroutine has the loop to itself until it first
# suspends: a sleep there stalls nobody (as if made before asyncio.run).
# After the first await, or in a loop that awaits, it does (see ASL202's
# notes on guards; a deliberate difference from flake8-async).
import asyncio
import time


def main(client):
    async def run():
        time.sleep(1)  # quiet: nothing else on the new loop yet
        await client.connect()
        time.sleep(1)  # want: ASYNC251
        while True:
            time.sleep(1)  # want: ASYNC251
            await client.poll()

    asyncio.run(run())
