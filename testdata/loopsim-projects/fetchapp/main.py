import asyncio

from app import fetch_all
import app.client as client


async def main():
    total = await fetch_all("https://example.test")
    # one more request after the batch
    extra = await client.Client("https://example.test").get("items")
    return total + extra["size"]


if __name__ == "__main__":
    print(asyncio.run(main()))
