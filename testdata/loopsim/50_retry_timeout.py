import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.3 if attempts < 3 else 0.05)
    return attempts

async def main():
    for attempt in range(5):
        try:
            return await asyncio.wait_for(flaky(), timeout=0.1)
        except asyncio.TimeoutError:
            print("retry", attempt)
    return None

if __name__ == "__main__":
    asyncio.run(main())
