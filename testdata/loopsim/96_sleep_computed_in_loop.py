import asyncio
import math

DELAYS = {"fast": 0.02, "medium": 0.05, "slow": 0.11}

async def stage(kind, n):
    for i in range(n):
        await asyncio.sleep(DELAYS[kind] * math.ceil((i + 1) / 2))

async def main():
    await asyncio.gather(stage("fast", 4), stage("medium", 3), stage("slow", 2))

if __name__ == "__main__":
    asyncio.run(main())
