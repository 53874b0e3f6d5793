# Application-style program, written as a fresh probe of the simulator (it passed unchanged).
import asyncio

EVENTS = [("connect", 0.02), ("auth", {"user": "a", "delay": 0.03}), ("data", [0.01, 0.02, 0.015]), ("close", None)]


async def handle(event):
    match event:
        case ("connect", float(d)):
            await asyncio.sleep(d)
            return "connected"
        case ("auth", {"user": str(u), "delay": d}):
            await asyncio.sleep(d)
            return f"auth:{u}"
        case ("data", [*chunks]):
            await asyncio.gather(*(asyncio.sleep(c) for c in chunks))
            return f"data:{len(chunks)}"
        case ("close", None):
            return "closed"
        case _:
            return "?"


async def watchdog(limit):
    await asyncio.sleep(limit)
    return "timeout"


async def main():
    results = {}
    for i, ev in enumerate(reversed(EVENTS)):
        task = asyncio.create_task(handle(ev))
        dog = asyncio.create_task(watchdog(0.025))
        done, pending = await asyncio.wait({task, dog}, return_when=asyncio.FIRST_COMPLETED)
        for p in pending:
            p.cancel()
        winner = done.pop().result()
        results[i] = winner
    mapping = {k: v for k, v in zip(range(len(results)), results.values())}
    slow = [k for k, v in mapping.items() if v == "timeout"]
    await asyncio.sleep(0.01 * len(slow))
    print(mapping)


if __name__ == "__main__":
    asyncio.run(main())
