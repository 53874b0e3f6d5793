# A bounded "crawler": at most 3 requests in flight, per-host latency from a dict.
import asyncio

LATENCY = {
    "api.example.com": 0.08,
    "cdn.example.com": 0.03,
    "slow.example.com": 0.15,
}

URLS = [
    "https://api.example.com/a",
    "https://cdn.example.com/b",
    "https://slow.example.com/c",
    "https://api.example.com/d",
    "https://cdn.example.com/e",
    "https://api.example.com/f",
    "https://slow.example.com/g",
    "https://cdn.example.com/h",
]


def host_of(url: str) -> str:
    return url.split("/")[2]


async def fetch(sem: asyncio.Semaphore, url: str) -> str:
    async with sem:
        await asyncio.sleep(LATENCY[host_of(url)])
        return url


async def main():
    sem = asyncio.Semaphore(3)
    pages = await asyncio.gather(*[fetch(sem, u) for u in URLS])
    print(len(pages))


if __name__ == "__main__":
    asyncio.run(main())
