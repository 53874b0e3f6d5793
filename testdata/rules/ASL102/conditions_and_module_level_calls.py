import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def fetch_data():
    await asyncio.sleep(1)
    return {"data": 1}


async def is_ready():
    await asyncio.sleep(0)
    return True


async def main():
    for i in range(5):
        print(i)
        asyncio.sleep(1)  # want: ASL102
    say_after(1, "hello")  # want: ASL102
    data = fetch_data()  # want: ASL102
    if is_ready():  # want: ASL102
        print("ready")
    while not is_ready():  # want: ASL102
        await asyncio.sleep(1)
    total = await fetch_data() or fetch_data()  # want: ASL102
    result = fetch_data()
    print(await result)
    asyncio.wait_for(fetch_data(), timeout=5)  # want: ASL102


main()  # want: ASL102
