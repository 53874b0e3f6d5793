import asyncio


async def cancel_inside_the_try(task):
    # Quiet: the documented wait for a task one cancelled, with the cancel
    # written inside the try statement.
    try:
        task.cancel()
        await task
    except asyncio.CancelledError:
        pass


async def cancel_then_log_inside_the_try(task, log):
    # Quiet: the statements before the await cannot receive a cancellation.
    try:
        task.cancel()
        log.info("stopping")
        await task
    except asyncio.CancelledError:
        pass


async def another_await_first(task, flush):
    # Fires: the try body awaits something else first; the CancelledError
    # may be the caller's, delivered there.
    task.cancel()
    try:
        await flush()
        await task
    except asyncio.CancelledError:  # want: ASYNC103
        pass


async def not_cancelled(task, log):
    # Fires: nothing cancels the task; the CancelledError is the caller's.
    try:
        log.info("waiting")
        await task
    except asyncio.CancelledError:  # want: ASYNC103
        pass


class Stream:
    def __init__(self):
        self._task = None
        self._worker = None
        self._reader = None
        self._scan_task = None

    def start(self):
        self._task = asyncio.create_task(self._run())
        self._worker = asyncio.create_task(self._run())
        self._reader = asyncio.create_task(self._run())

    def stop(self):
        if self._task is not None:
            self._task.cancel()

    def close(self):
        self._worker.cancel()
        if self._scan_task is not None:
            self._scan_task.cancel()

    # Quiet: the class cancels `self._task` (stop()); awaiting it, the
    # CancelledError is the task's own, and before Python 3.11 nothing tells
    # it from the caller's.
    async def wait_stop(self):
        self.stop()
        try:
            await self._task
        except asyncio.CancelledError:
            pass

    # Quiet: the same through asyncio.wait_for, cancelled by close(), after
    # statements with no await.
    async def wait_closed(self, timeout):
        try:
            self.last_wait = timeout
            self.stop()
            await asyncio.wait_for(self._worker, timeout=timeout)
        except (asyncio.TimeoutError, asyncio.CancelledError):
            pass

    # Fires: nothing in the class cancels `self._reader`: the CancelledError
    # is the caller's.
    async def wait_reader(self):
        try:
            await self._reader
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    # Fires: in a loop the swallow goes on working instead of ending the wait.
    async def keep_waiting(self):
        while True:
            try:
                await self._task
            except asyncio.CancelledError:  # want: ASYNC103
                pass
            await asyncio.sleep(1)

    # Quiet: the awaited method's one await is `await self._scan_task`,
    # which close() cancels: the same wait as awaiting the task here (a
    # cancelled caller cancels the awaited task too, so before Python 3.11
    # neither form can tell the two apart; hass-nabucasa's _wait_retry()).
    async def rescan(self):
        try:
            await self.scan()
        except asyncio.CancelledError:
            pass

    # Fires: the awaited method awaits something else first.
    async def rescan_later(self):
        try:
            await self.scan_later()
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    # Fires: handed to another call than wait_for/shield, the task is not
    # what is awaited.
    async def run_with(self, runner):
        try:
            await runner.run(self._worker)
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    # Fires: another object's task, cancelled by that object's code or by no
    # one this class can see.
    async def wait_other(self, other):
        try:
            await other._task
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    async def scan(self):
        self._scan_task = asyncio.create_task(self._run())
        await self._scan_task

    async def scan_later(self):
        await asyncio.sleep(1)
        self._scan_task = asyncio.create_task(self._run())
        await self._scan_task

    async def _run(self):
        await asyncio.sleep(1)


async def cancels_what_is_pending(changed, fetch):
    # Quiet: every task the wait left pending is cancelled; the fetch task,
    # if not pending, is done, and awaiting it does not suspend.
    fetch_task = asyncio.ensure_future(fetch())
    changed_task = asyncio.ensure_future(changed.wait())
    _, pending = await asyncio.wait([changed_task, fetch_task], return_when=asyncio.FIRST_COMPLETED)
    for p in pending:
        p.cancel()
    try:
        await fetch_task
    except asyncio.CancelledError:
        pass


async def cancels_a_listed_group(first, second):
    # Quiet: the loop cancels every task of a list naming the one awaited.
    tasks = [first, second]
    for t in tasks:
        t.cancel()
    try:
        await second
    except asyncio.CancelledError:
        pass


async def cancels_another_group(first, second, third):
    # Fires: the loop cancels other tasks; the CancelledError is the caller's.
    for t in (first, second):
        t.cancel()
    try:
        await third
    except asyncio.CancelledError:  # want: ASYNC103
        pass


async def reports_what_is_pending(changed, fetch, log):
    # Fires: the loop over the pending tasks only logs them.
    fetch_task = asyncio.ensure_future(fetch())
    _, pending = await asyncio.wait([changed, fetch_task], timeout=5)
    for p in pending:
        log.info("still running: %r", p)
    try:
        await fetch_task
    except asyncio.CancelledError:  # want: ASYNC103
        pass


async def shutdown_with_timeout(children, timeout):
    # On timeout, wait_for cancels `remaining` before raising TimeoutError:
    # awaiting it then is the wait for a task one cancelled.
    remaining = asyncio.gather(*children, return_exceptions=True)
    try:
        await asyncio.wait_for(remaining, timeout)
    except asyncio.TimeoutError:
        try:
            await remaining
        except asyncio.CancelledError:
            pass


async def shutdown_other_future(children, other, timeout):
    remaining = asyncio.gather(*children, return_exceptions=True)
    try:
        await asyncio.wait_for(remaining, timeout)
    except asyncio.TimeoutError:
        try:
            await other
        except asyncio.CancelledError:  # want: ASYNC103
            pass
