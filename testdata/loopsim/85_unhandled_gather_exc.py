import asyncio

async def boom():
    await asyncio.sleep(0.1)
    raise RuntimeError("boom")

async def slow():
    try:
        await asyncio.sleep(1)
    finally:
        await asyncio.sleep(0.05)

async def main():
    await asyncio.gather(boom(), slow())

if __name__ == "__main__":
    asyncio.run(main())
