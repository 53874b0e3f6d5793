# Cases from flake8-async's eval_files/async103.py and async104.py, inside
# coroutines (asyncls checks handlers where a task can be cancelled).
import asyncio


def check():
    return True


async def multi_line_tuple():
    try:
        await asyncio.sleep(1)
    except (
        ValueError,
        BaseException,  # want: ASYNC103
    ):
        pass


async def if_without_else():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        if check():
            raise


async def raise_inside_while_body():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        while check():
            raise


async def loop_over_empty_literal():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        for _ in []:
            raise


async def loop_over_unknown():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        for _ in range(check()):
            raise


async def loop_that_may_continue():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        for _ in [1, 2, 3]:
            if check():
                continue
            raise


async def while_true_with_break():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        while True:
            if check():
                break
            raise


async def match_without_wildcard():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        match check():
            case True:
                raise


async def match_guarded_wildcard():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        match check():
            case _ if check():
                raise


async def second_handler_after_unhandled():
    try:
        await asyncio.sleep(1)
    except BaseException:  # want: ASYNC103
        pass
    except:
        pass


# Quiet.
async def loop_over_literal():
    try:
        await asyncio.sleep(1)
    except BaseException:
        for _ in [1, 2, 3]:
            raise


async def loop_over_range():
    try:
        await asyncio.sleep(1)
    except BaseException:
        for _ in range(3):
            raise


async def loop_over_splatted_literal():
    try:
        await asyncio.sleep(1)
    except BaseException:
        for _ in (*(), *(1, 2)):
            raise


async def while_true_raise():
    try:
        await asyncio.sleep(1)
    except BaseException:
        while True:
            if check():
                continue
            raise


async def match_every_case_raises():
    try:
        await asyncio.sleep(1)
    except BaseException:
        match check():
            case True:
                raise
            case False:
                raise
            case _:
                raise


async def match_capture_pattern():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        match check():
            case 1:
                raise
            case other:
                print(other)
                raise


async def finally_raises():
    try:
        await asyncio.sleep(1)
    except BaseException:
        try:
            pass
        finally:
            raise


async def nested_ordinary_handler():
    try:
        await asyncio.sleep(1)
    except BaseException:
        try:
            check()
        except ValueError:
            pass
        raise


async def handled_first():
    try:
        await asyncio.sleep(1)
    except BaseException:
        raise
    except:
        pass
