# unknown: datetime
# Off-peak runs do more work: the duration depends on the time of day.
import asyncio
import datetime


async def main():
    batches = 2 if datetime.datetime.now().hour < 8 else 5
    for _ in range(batches):
        await asyncio.sleep(0.03)


if __name__ == "__main__":
    asyncio.run(main())
