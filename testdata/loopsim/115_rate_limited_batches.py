# Rate limiting: send requests in batches of BATCH, pausing between batches.
import asyncio

BATCH = 4
PAUSE = 0.1


async def send(msg_id: int) -> int:
    await asyncio.sleep(0.03 + 0.01 * (msg_id % 3))
    return msg_id


async def main():
    ids = list(range(11))
    sent = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        sent.extend(await asyncio.gather(*(send(i) for i in chunk)))
        if start + BATCH < len(ids):
            await asyncio.sleep(PAUSE)
    print(sent)


if __name__ == "__main__":
    asyncio.run(main())
