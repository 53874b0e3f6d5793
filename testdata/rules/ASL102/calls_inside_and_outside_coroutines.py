import asyncio


async def send(msg):
    await asyncio.sleep(0)


def wait_a_bit():
    asyncio.sleep(1)  # want: ASL102


def button_clicked(msg):
    send(msg)  # want: ASL102
    return True


async def broadcast(users):
    await asyncio.wait([asyncio.ensure_future(send(u)) for u in users])
    results = await asyncio.gather(*(send(u) for u in users))
    return results


async def main():
    try:
        send("start")  # want: ASL102
    finally:
        await send("end")
    async with asyncio.timeout(5):
        send("in timeout")  # want: ASL102
    return [send(u) for u in ["a", "b"]]


asyncio.get_event_loop().run_until_complete(main())
