# Module-level tables drive the timing: per-step durations in a list, a dict
# of stage -> steps, and a constant multiplier.
import asyncio

SCALE = 0.5
STEP_COST = [0.04, 0.08, 0.02]
PIPELINE = {
    "ingest": [0, 1],
    "transform": [1, 1, 2],
    "publish": [2],
}


async def run_step(idx: int) -> None:
    await asyncio.sleep(STEP_COST[idx] * SCALE)


async def run_stage(name: str) -> str:
    for idx in PIPELINE[name]:
        await run_step(idx)
    return name


async def main():
    done = []
    for stage in ("ingest", "transform"):
        done.append(await run_stage(stage))
    done += await asyncio.gather(run_stage("publish"), run_stage("ingest"))
    print(done)


if __name__ == "__main__":
    asyncio.run(main())
