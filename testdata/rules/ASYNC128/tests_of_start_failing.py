# A test of start() itself: the startables below exist to fail before ready.
import pytest
import trio


async def test_start_errors():
    # Quiet: only ever started where the test expects start() to raise.
    async def crash_before_ready(task_status=trio.TASK_STATUS_IGNORED):
        raise KeyError("oops")

    async def returns_before_ready(task_status=trio.TASK_STATUS_IGNORED):
        return

    async with trio.open_nursery() as nursery:
        with pytest.raises(KeyError):
            await nursery.start(crash_before_ready)
        with pytest.raises(RuntimeError):
            await nursery.start(returns_before_ready)


async def test_start_and_serve():
    # Fires: started outside pytest.raises too, where start() waits for it.
    async def serve(task_status=trio.TASK_STATUS_IGNORED):  # want: ASYNC128
        await trio.sleep(1)

    async with trio.open_nursery() as nursery:
        with pytest.raises(RuntimeError):
            await nursery.start(serve)
        await nursery.start(serve)


async def test_run_directly():
    # Fires: also awaited directly; the raises block does not cover that use.
    async def worker(task_status=trio.TASK_STATUS_IGNORED):  # want: ASYNC128
        await trio.sleep(1)

    with pytest.raises(RuntimeError):
        async with trio.open_nursery() as nursery:
            await nursery.start(worker)
    await worker()


async def test_start_soon_in_raises():
    # Fires: start_soon is not start(); nothing here expects start() to fail.
    async def background(task_status=trio.TASK_STATUS_IGNORED):  # want: ASYNC128
        await trio.sleep(1)

    with pytest.raises(KeyError):
        async with trio.open_nursery() as nursery:
            nursery.start_soon(background)
            raise KeyError
