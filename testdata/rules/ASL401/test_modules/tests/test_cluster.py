# A test module: sequential awaits are not reported here by default. A test
# runs its steps in order on purpose (close the client, then check that the
# workers drained what the earlier steps left), and the time it takes is the
# test's own, not a user's.
import asyncio


async def fetch(name, delay=0.2):
    await asyncio.sleep(delay)
    return name


async def test_steps_in_order():
    await fetch("close")
    await fetch("clean_worker_a")
    await fetch("clean_worker_b")


async def test_swallowed_cancel_is_still_checked():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # want: ASYNC103
        pass
