# upstream: tests/eval_files/async104.py @ 1db72de8164049b836ba2a7ea3140dafb0de019d
# codes: ASYNC103 ASYNC104
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# As in async103.py, upstream's module-level and synchronous shapes are
# restated inside coroutines whose try body awaits; the originals are at the end.
import asyncio


async def step(): ...


def pick() -> bool: ...


async def other_exception():
    try:
        await step()
    except BaseException:
        raise RuntimeError("replaced")  # want: ASYNC104

    try:
        await step()
    except BaseException as err:
        raise RuntimeError("wrapped") from err  # want: ASYNC104

    try:
        await step()
    except BaseException as err:
        raise BaseException("rewrapped") from err  # want: ASYNC104


async def nested():
    try:
        await step()
    except BaseException:
        try:
            print("cleanup")
        finally:
            raise

    try:
        await step()
    except BaseException:
        try:
            print("cleanup")
        except ValueError:
            print("quiet")
        raise

    try:
        await step()
    except BaseException as outer:
        try:
            print("cleanup")
        except BaseException as inner:
            raise inner
        raise outer

    try:
        await step()
    except BaseException as outer:
        try:
            print("cleanup")
        except ValueError as minor:
            raise minor  # want: ASYNC104
        except BaseException as inner:
            raise inner
        raise outer


async def parent_exception():
    try:
        await step()
    except ValueError as err:
        try:
            await step()
        except BaseException:
            raise err  # want: ASYNC104


async def returns():
    try:
        await step()
    except BaseException:  # differs: ASYNC103 -- left only by return: one finding, ASYNC104 at each return
        return  # want: ASYNC104

    try:
        await step()
    except BaseException:  # differs: ASYNC103 -- left only by return: one finding, ASYNC104 at each return
        try:
            return  # want: ASYNC104
        except ValueError:
            return  # want: ASYNC104
        else:
            return  # want: ASYNC104
        finally:
            pass


async def jumps():
    while True:
        try:
            await step()
        except BaseException:
            if pick():
                continue  # want: ASYNC104
            raise

    while True:
        try:
            await step()
        except BaseException:
            if pick():
                break  # want: ASYNC104
            raise


async def local_loops():
    try:
        await step()
    except BaseException:
        while True:
            break
        raise

    try:
        await step()
    except BaseException:
        while True:
            continue
        raise


async def yields():
    try:
        await step()
    except BaseException:
        yield 1  # want: ASYNC104
        raise

    try:
        await step()
    except BaseException:
        try:
            yield 1  # want: ASYNC104
        except ValueError:
            yield 2  # want: ASYNC104
        else:
            yield 3  # want: ASYNC104
        finally:
            yield 4  # want: ASYNC104
        raise


async def handled_before():
    try:
        await step()
    except BaseException:
        raise
    except:
        return

    try:
        await step()
    except BaseException:  # differs: ASYNC103 -- left only by return: one finding, ASYNC104 at each return
        return  # want: ASYNC104
    except:
        return

    try:
        await step()
    except BaseException:  # differs: ASYNC103 -- left only by return: one finding, ASYNC104 at each return
        match pick():
            case 1:
                return  # want: ASYNC104
            case 2:
                raise
            case 3:
                return  # want: ASYNC104
            case _:
                raise


# Upstream's own shapes: no await, at module level or in a plain function.
try:
    pick()
except BaseException:
    raise ValueError()  # differs: ASYNC104 -- no task's cancellation is delivered outside a coroutine's await


def plain():
    try:
        pick()
    except BaseException:  # differs: ASYNC103 -- no task's cancellation is delivered outside a coroutine's await
        return  # differs: ASYNC104 -- no task's cancellation is delivered outside a coroutine's await


def plain_generator():
    try:
        pick()
    except BaseException:
        yield 1  # differs: ASYNC104 -- no task's cancellation is delivered outside a coroutine's await
        raise
