# race: two checkers poll the queue with empty() and one finds it emptied
# A link checker: a local and a remote checker share the URLs to check and
# stop when `urls.empty()`. After 0.12 s both finish a check within a
# millisecond of each other; whichever wakes first takes the last URL.
import asyncio
from urllib.parse import urlsplit

COST = {"local": 0.040, "remote": 0.060}


async def checker(kind: str, urls: asyncio.Queue, report: list) -> None:
    while not urls.empty():
        url = urls.get_nowait()
        await asyncio.sleep(COST[kind])
        report.append((kind, urlsplit(url).path))


async def main():
    urls: asyncio.Queue = asyncio.Queue()
    for page in ("", "about", "blog", "contact", "docs", "faq"):
        urls.put_nowait(f"https://example.org/{page}")
    report: list = []
    await asyncio.gather(checker("local", urls, report), checker("remote", urls, report))
    print(len(report), "links checked")


if __name__ == "__main__":
    asyncio.run(main())
