# Application-style program, written as a fresh probe; the simulator first said "unknown" (statistics.mean was not modelled), statistics was added for it.
import asyncio
import statistics
import time

LATENCIES = {"a": [0.02, 0.03, 0.025], "b": [0.05, 0.04], "c": [0.01]}


async def probe(name, samples):
    t0 = time.perf_counter()
    for s in samples:
        await asyncio.sleep(s)
    return name, time.perf_counter() - t0


async def main():
    results = dict(await asyncio.gather(*(probe(n, s) for n, s in LATENCIES.items())))
    mean = statistics.mean(sum(v) for v in LATENCIES.values())
    worst = max(results, key=results.get)
    await asyncio.sleep(mean)
    print(worst, round(mean, 3))


if __name__ == "__main__":
    asyncio.run(main())
