import asyncio

import crawler


async def main():
    pages = await crawler.crawl_all(crawler.URLS)
    return sum(pages.values())


if __name__ == "__main__":
    print(asyncio.run(main()))
