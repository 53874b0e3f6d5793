"""The classic: blocking calls inside coroutines freeze the event loop."""
import asyncio
import time

import requests


async def fetch(url):
    # requests is synchronous: every other task waits for this response.
    return requests.get(url).text


async def tick():
    time.sleep(1)  # holds the loop for a whole second


async def main():
    await asyncio.gather(fetch("https://example.org"), tick())


if __name__ == "__main__":
    asyncio.run(main())
