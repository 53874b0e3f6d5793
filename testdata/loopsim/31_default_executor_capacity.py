# Twelve 0.1 s jobs on the default executor: min(32, cpus + 4) workers.
# On a 2-CPU machine (6 workers) -> 0.2 s.
import asyncio
import time


def job():
    time.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(*[loop.run_in_executor(None, job) for _ in range(12)])


if __name__ == "__main__":
    asyncio.run(main())
