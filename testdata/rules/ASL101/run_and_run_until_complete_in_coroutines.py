import asyncio

loop = asyncio.get_event_loop()


async def get_data():
    await asyncio.sleep(1)
    return 1


async def handler():
    data = asyncio.run(get_data())  # want: ASL101
    more = loop.run_until_complete(get_data())  # want: ASL101
    return data + more


def sync_entry():
    return loop.run_until_complete(get_data())


async def nested():
    def inner():
        return asyncio.run(get_data())

    return await asyncio.to_thread(inner)


if __name__ == "__main__":
    asyncio.run(handler())
    print(sync_entry())
