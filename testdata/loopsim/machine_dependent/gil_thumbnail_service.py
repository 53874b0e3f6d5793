# A thumbnail service: pure-Python "resizing" (checksums over pixel rows)
# runs in worker threads via asyncio.to_thread while the loop keeps serving
# health checks; the GIL runs the threads' Python code one at a time.
import asyncio
from dataclasses import dataclass


@dataclass
class Image:
    name: str
    width: int
    height: int


def resize(img: Image, scale: int) -> int:
    checksum = 0
    for row in range(img.height // scale):
        for col in range(0, img.width // scale, 8):
            checksum = (checksum * 31 + row * col) % 65_521
    return checksum


async def health(stop: asyncio.Event, beats: list):
    while not stop.is_set():
        beats.append(1)
        await asyncio.sleep(0.01)


async def main():
    images = [Image("a.png", 1280, 960), Image("b.png", 1600, 1200), Image("c.png", 640, 480)]
    stop = asyncio.Event()
    beats = []
    hb = asyncio.create_task(health(stop, beats))
    sums = await asyncio.gather(*(asyncio.to_thread(resize, img, 1) for img in images))
    stop.set()
    await hb
    print(sums, len(beats))


if __name__ == "__main__":
    asyncio.run(main())
