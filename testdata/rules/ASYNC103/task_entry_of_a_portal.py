# anyio's BlockingPortal.start_task_soon(func) runs func as a task of the
# portal's task group, its outcome going to a concurrent Future: a function
# only ever started so is a task's entry point like one handed to
# create_task, and a handler that ends it on cancellation is unobserved.
from anyio import get_cancelled_exc_class, sleep
from anyio.from_thread import start_blocking_portal


def run_waiter(done_event):
    cancelled = False

    async def event_waiter() -> None:
        nonlocal cancelled
        try:
            await sleep(3)
        except get_cancelled_exc_class():  # quiet: the task ends
            cancelled = True
        finally:
            done_event.set()

    async def looping_waiter() -> None:
        while True:
            try:
                await sleep(3)
            except get_cancelled_exc_class():  # want: ASYNC103
                pass

    with start_blocking_portal() as portal:
        future = portal.start_task_soon(event_waiter)
        portal.start_task_soon(looping_waiter)
        future.cancel()
        done_event.wait(10)
    return cancelled
