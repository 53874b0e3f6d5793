# Happy-eyeballs style: start attempts 50 ms apart, take the first success,
# cancel everything else.
import asyncio

ATTEMPTS = [("ipv6", 0.3), ("ipv4-a", 0.12), ("ipv4-b", 0.05)]
STAGGER = 0.05


async def connect(addr: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return addr


async def main():
    tasks = []
    winner = None
    for addr, delay in ATTEMPTS:
        tasks.append(asyncio.create_task(connect(addr, delay)))
        done, _ = await asyncio.wait(tasks, timeout=STAGGER, return_when=asyncio.FIRST_COMPLETED)
        if done:
            winner = done.pop().result()
            break
    if winner is None:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        winner = done.pop().result()
    for t in tasks:
        t.cancel()
    print(winner)


if __name__ == "__main__":
    asyncio.run(main())
