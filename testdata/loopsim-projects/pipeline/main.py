import asyncio

import pipeline.runner


async def main():
    from pipeline.settings import JOBS

    done = await pipeline.runner.run()
    assert done == JOBS
    return done


if __name__ == "__main__":
    print(asyncio.run(main()))
