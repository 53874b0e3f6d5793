# Cases from flake8-async's eval_files/async104.py, inside coroutines.
import asyncio


def check():
    return True


async def different_exception():
    try:
        await asyncio.sleep(1)
    except BaseException:
        raise ValueError()  # want: ASYNC104


async def chained_different_exception():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        raise RuntimeError("stopped") from e  # want: ASYNC104


async def inner_handler_raises_outer():
    try:
        await asyncio.sleep(1)
    except ValueError as e:
        try:
            await asyncio.sleep(1)
        except BaseException:
            raise e  # want: ASYNC104


async def inner_ordinary_handler_raises_its_own():
    try:
        await asyncio.sleep(1)
    except BaseException as e:
        try:
            check()
        except ValueError as g:
            raise g  # want: ASYNC104
        raise e


async def returns_in_nested_try():
    try:
        await asyncio.sleep(1)
    except BaseException:  # left only by return: one finding, ASYNC104 at the return
        try:
            return  # want: ASYNC104
        except ValueError:
            return  # want: ASYNC104


async def continue_in_loop():
    while True:
        try:
            await asyncio.sleep(1)
        except BaseException:
            if check():
                continue  # want: ASYNC104
            raise


async def yields_in_handler():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        yield 1  # want: ASYNC104
        raise


async def match_returns():
    try:
        await asyncio.sleep(1)
    except BaseException:  # left only by return: one finding, ASYNC104 at the return
        match check():
            case 1:
                return  # want: ASYNC104
            case blah:
                raise


# Quiet.
async def inner_broad_handler_reraises_its_own():
    try:
        await asyncio.sleep(1)
    except BaseException as e:
        try:
            check()
        except BaseException as f:
            raise f
        raise e


async def loop_inside_handler():
    try:
        await asyncio.sleep(1)
    except BaseException:
        while True:
            break
        for _ in range(3):
            continue
        raise


async def yield_after_handler():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("cancelled")
        raise
    yield 2


async def handled_earlier():
    try:
        await asyncio.sleep(1)
    except BaseException:
        raise
    except:
        return
