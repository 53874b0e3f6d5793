# race: two thumbnailers pop from one shared list until it is empty
# A thumbnailer: a local and a cloud resizer share the list of pending
# images (`while pending: pending.pop()`). At 0.12 s both finish an image
# within a millisecond of each other and race for the last one.
import asyncio
from collections import deque

RESIZERS = {"local": 0.040, "cloud": 0.060}


async def resize_all(resizer: str, pending: deque, done: list) -> None:
    while pending:
        image = pending.popleft()
        await asyncio.sleep(RESIZERS[resizer])
        done.append((resizer, image))


async def main():
    pending = deque(f"img_{i:02d}.png" for i in range(6))
    done: list = []
    await asyncio.gather(*(resize_all(r, pending, done) for r in RESIZERS))
    print(sorted(done))


if __name__ == "__main__":
    asyncio.run(main())
