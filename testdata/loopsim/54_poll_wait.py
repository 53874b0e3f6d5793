import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    pending = {asyncio.create_task(job(d)) for d in (0.05, 0.12, 0.2, 0.33)}
    rounds = 0
    while pending:
        done, pending = await asyncio.wait(pending, timeout=0.1)
        rounds += 1
        print(rounds, len(done))

if __name__ == "__main__":
    asyncio.run(main())
