import asyncio


async def get_data():
    await asyncio.sleep(1)
    return 42


async def main():
    print(get_data())  # want: ASL102
    result = get_data()  # want: ASL102
    print(result)
    value = get_data()
    print(await value)
    print(await get_data())
    other = get_data()
    if isinstance(other, int):
        return other
    return None
