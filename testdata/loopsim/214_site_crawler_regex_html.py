# A same-site crawler: a deque frontier in batches of 3 under a Semaphore, links found with re, urljoin/urlparse, html.unescape'd text turned into slugs with str.translate, urlencode'd summary.
import asyncio
import html
import re
from collections import deque
from urllib.parse import urljoin, urlparse, urlencode

SITE = {
    "/": '<a href="/docs">Docs</a> <a href="/blog?page=1">Blog</a> <a href="https://other.org/">x</a>',
    "/docs": '<a href="/docs/intro">Intro &amp; setup</a> <a href="/">home</a>',
    "/blog?page=1": '<a href="/blog?page=2">next</a> <a href="/docs/intro">intro</a>',
    "/blog?page=2": "<p>end</p>",
    "/docs/intro": "<h1>Intro</h1>",
}
LINK = re.compile(r'href="([^"]+)"')
SLUG = str.maketrans({" ": "-", "&": "and"})


async def fetch(path, sem):
    async with sem:
        await asyncio.sleep(0.005 + 0.0001 * len(SITE.get(path, "")))
        return SITE.get(path, "")


async def crawl(start, limit=2):
    base = "https://example.com"
    sem = asyncio.Semaphore(limit)
    seen = {start}
    frontier = deque([start])
    titles = []
    while frontier:
        batch = [frontier.popleft() for _ in range(min(len(frontier), 3))]
        pages = await asyncio.gather(*(fetch(p, sem) for p in batch))
        for page in pages:
            for href in LINK.findall(page):
                url = urljoin(base, href)
                parsed = urlparse(url)
                if parsed.netloc != "example.com":
                    continue
                path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
                if path not in seen:
                    seen.add(path)
                    frontier.append(path)
            text = html.unescape(re.sub(r"<[^>]+>", " ", page)).strip()
            if text:
                titles.append(text.split()[0].lower().translate(SLUG))
    return seen, titles


async def main():
    seen, titles = await crawl("/")
    query = urlencode({"q": " ".join(sorted(titles)[:2]), "n": len(seen)})
    await asyncio.sleep(0.001 * len(query))
    print(sorted(seen), titles, query)


if __name__ == "__main__":
    asyncio.run(main())
