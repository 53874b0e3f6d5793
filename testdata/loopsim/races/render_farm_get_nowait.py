# race: render farm workers take the last frame with get_nowait
# A render farm: a fast and a slow worker drain a shared queue of frames
# with get_nowait() and stop when it is empty. At 0.15 s both finish a
# frame within a millisecond of each other and race for the last one:
# whichever wakes first takes it, so the run ends at 0.18 s or 0.20 s.
import asyncio
from dataclasses import dataclass


@dataclass
class Worker:
    name: str
    seconds_per_frame: float


async def render(worker: Worker, frames: asyncio.Queue, done: dict) -> None:
    while True:
        try:
            frame = frames.get_nowait()
        except asyncio.QueueEmpty:
            return
        await asyncio.sleep(worker.seconds_per_frame)
        done.setdefault(worker.name, []).append(frame)


async def main():
    frames: asyncio.Queue = asyncio.Queue()
    for n in range(9):
        frames.put_nowait(f"frame-{n:03d}")
    done: dict = {}
    farm = [Worker("gpu", 0.030), Worker("cpu", 0.050)]
    await asyncio.gather(*(render(w, frames, done) for w in farm))
    print({name: len(rendered) for name, rendered in done.items()})


if __name__ == "__main__":
    asyncio.run(main())
