import asyncio

async def main():
    await asyncio.sleep(0.1)
    data = {"a": 1}
    if data.get("b") is None:
        raise ValueError("missing b")
    await asyncio.sleep(1)

if __name__ == "__main__":
    asyncio.run(main())
