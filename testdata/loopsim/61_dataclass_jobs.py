import asyncio
from dataclasses import dataclass

@dataclass
class Job:
    name: str
    delay: float = 0.1

async def run(job: Job):
    await asyncio.sleep(job.delay)
    return job.name

async def main():
    jobs = [Job("a"), Job("b", 0.2), Job(name="c", delay=0.05)]
    print(await asyncio.gather(*(run(j) for j in jobs)))

if __name__ == "__main__":
    asyncio.run(main())
