import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        return "ignored cancellation"

async def main():
    try:
        r = await asyncio.wait_for(stubborn(), timeout=0.05)
        print(r)
    except asyncio.TimeoutError:
        print("timeout")

if __name__ == "__main__":
    asyncio.run(main())
