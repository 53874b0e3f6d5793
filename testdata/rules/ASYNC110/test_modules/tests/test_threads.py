# A test module: busy-wait polling is not checked here by default (a test's
# loop is the test's own; tests poll what their threads do on purpose).
import asyncio
import threading


async def test_thread_finishes():
    done = []
    thread = threading.Thread(target=lambda: done.append(1))
    thread.start()
    while thread.is_alive():
        await asyncio.sleep(0.01)
    assert done


async def test_swallowed_cancel_is_still_checked():
    # Every other rule still runs on tests: a swallowed cancellation can
    # make a test hang.
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # want: ASYNC103
        pass
