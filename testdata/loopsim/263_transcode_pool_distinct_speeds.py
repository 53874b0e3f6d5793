# A transcoding pool: a fast and a slow encoder take jobs with
# `await queue.get()`; their wake-ups never fall within a millisecond of
# each other, so the schedule is the same on every run (the quiet side of
# testdata/loopsim/races/).
import asyncio
from dataclasses import dataclass


@dataclass
class Encoder:
    name: str
    seconds_per_job: float


async def encode(enc: Encoder, jobs: asyncio.Queue, log: list) -> None:
    while True:
        job = await jobs.get()
        if job is None:
            jobs.task_done()
            return
        await asyncio.sleep(enc.seconds_per_job)
        log.append((enc.name, job))
        jobs.task_done()


async def main():
    jobs: asyncio.Queue = asyncio.Queue()
    encoders = [Encoder("nvenc", 0.030), Encoder("x264", 0.070)]
    workers = [asyncio.create_task(encode(e, jobs, [])) for e in encoders]
    for n in range(7):
        jobs.put_nowait(f"clip-{n}.mp4")
    for _ in encoders:
        jobs.put_nowait(None)
    await jobs.join()
    await asyncio.gather(*workers)


if __name__ == "__main__":
    asyncio.run(main())
