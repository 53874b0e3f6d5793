import asyncio
from asyncio import CancelledError


async def worker(queue):
    try:
        while True:
            await queue.get()
    except asyncio.CancelledError:  # want: ASYNC103 "`except asyncio\.CancelledError` has a path that does not re-raise"
        print("worker stopped")


async def broad():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        print("oops")


async def bare():
    try:
        await asyncio.sleep(1)
    except:  # want: ASYNC103
        pass


async def some_paths(flag):
    try:
        await asyncio.sleep(1)
    except CancelledError:  # want: ASYNC103
        if flag:
            raise


async def tuple_catch():
    try:
        await asyncio.sleep(1)
    except (ValueError, asyncio.CancelledError):  # want: ASYNC103
        pass


def sync_explicit(fut):
    # Quiet: a sync function cannot catch its task's cancellation; this came from fut.result().
    try:
        return fut.result()
    except asyncio.CancelledError:
        print("cancelled")


class Stream:
    def _convert_error(self, exc):
        raise OSError("closed") from exc

    async def receive(self, sock):
        # Quiet: the helper always raises.
        try:
            return await sock.recv()
        except BaseException as exc:
            self._convert_error(exc)


async def isinstance_guard(fut):
    # Quiet: everything that is not an Exception (CancelledError included) is re-raised.
    try:
        await fut
    except BaseException as exc:
        fut.set_exception(exc)
        if not isinstance(exc, Exception):
            raise


# Quiet: re-raised on every path.
async def reraises():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cleanup")
        raise


async def reraises_name():
    try:
        await asyncio.sleep(1)
    except BaseException as exc:
        print("cleanup")
        raise exc


async def both_branches(flag):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        if flag:
            raise
        else:
            raise


async def exception_only():
    try:
        await asyncio.sleep(1)
    except Exception:
        pass


async def handled_before():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise
    except BaseException:
        pass


def sync_broad():
    # KeyboardInterrupt handling in sync code is not about cancellation.
    try:
        run()
    except BaseException:
        pass


async def cancelled_own_task(task):
    # The documented way to wait for a task one has cancelled.
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass


async def returns_instead():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # left only by return: one finding, ASYNC104 at the return
        return None  # want: ASYNC104


def run():
    pass


async def raise_in_loop_else(items):
    # Quiet: the else block always runs (no break), and it re-raises.
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        for item in items:
            print(item)
        else:
            raise


async def loop_with_break(items):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # want: ASYNC103
        for item in items:
            if item:
                break
        else:
            raise
