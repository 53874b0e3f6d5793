# upstream: tests/eval_files/async103.py @ 1db72de8164049b836ba2a7ea3140dafb0de019d
# codes: ASYNC103 ASYNC104
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream writes these try statements at module level with `...` bodies;
# flake8-async checks every try statement alike, so each shape is restated
# here inside a coroutine whose try body awaits (where a task's cancellation
# is delivered). The module-level and synchronous originals are at the end.
import asyncio


async def step(): ...


def pick() -> bool: ...


async def shapes():
    try:
        await step()
    except (LookupError, ValueError, BaseException):
        raise

    try:
        await step()
    except (
        LookupError,
        ValueError,
        BaseException,  # want: ASYNC103
    ) as err:
        print(err)

    try:
        await step()
    except BaseException as err:
        raise err

    try:
        await step()
    except BaseException:  # want: ASYNC103
        print("dropped")

    try:
        await step()
    except BaseException as err:  # want: ASYNC103
        if pick():
            raise err
        elif pick():
            print("dropped")
        else:
            raise err

    try:
        await step()
    except BaseException:
        if pick():
            raise
        elif pick():
            raise
        else:
            raise

    # a raise in a loop body may never run
    try:
        await step()
    except BaseException:  # want: ASYNC103
        while pick():
            raise

    # the else of a loop with no break always runs
    try:
        await step()
    except BaseException:
        while pick():
            print("spin")
        else:
            raise

    try:
        await step()
    except BaseException:
        for _ in "":
            print("never")
        else:
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        while pick():
            if pick():
                break
            raise
        else:
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in "abc":
            if pick():
                break
            raise
        else:
            raise

    # a nested handler that raises the outer exception under another handler
    try:
        await step()
    except BaseException as err:  # differs: ASYNC103 -- every path of the nested try raises `err` again
        try:
            raise err
        except ValueError:
            raise err
        except:
            raise err  # differs: ASYNC104 -- what this bare except caught is `err` itself: a re-raise

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
            print("ignored: not a cancellation")
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
    except:  # want: ASYNC103
        print("bare")

    try:
        await step()
    except:
        raise

    # loops over literal collections run at least once when not empty
    try:
        await step()
    except BaseException:
        for _ in [1, 2]:
            raise

    try:
        await step()
    except BaseException:
        for _ in (1, 2):
            raise

    try:
        await step()
    except BaseException:
        for _ in {1, 2}:
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in [1, 2]:
            print("no raise")

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in [1, 2]:
            if pick():
                continue
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in pick_many():
            raise

    try:
        await step()
    except BaseException:
        for _ in range(2):
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in range(count()):
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in []:
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        for _ in {}:
            raise

    try:
        await step()
    except BaseException:
        for _ in {1: 2}:
            raise

    try:
        await step()
    except BaseException:
        while True:
            raise

    try:
        await step()
    except BaseException:  # want: ASYNC103
        while True:
            if pick():
                break
            raise

    try:
        await step()
    except BaseException:
        while True:
            if pick():
                continue
            raise

    # a broad handler after one that re-raises cancellation is quiet
    try:
        await step()
    except BaseException:
        raise
    except:
        print("after")

    # one report per try statement
    try:
        await step()
    except BaseException:  # want: ASYNC103
        print("dropped")
    except:
        print("unreachable")

    try:
        await step()
    except BaseException as err:  # want: ASYNC103
        match pick():
            case True:
                raise err
            case False:
                print("dropped")
            case _:
                raise err

    try:
        await step()
    except BaseException:  # want: ASYNC103
        match pick():
            case True:
                raise

    try:
        await step()
    except BaseException:
        match pick():
            case True:
                raise
            case False:
                raise
            case _:
                raise


def pick_many(): ...


def count() -> int: ...


# Upstream's own shapes: no await, at module level or in a plain function.
try:
    pick()
except BaseException:  # differs: ASYNC103 -- no task's cancellation is delivered outside a coroutine's await
    print("dropped")

try:
    pick()
except:  # differs: ASYNC103 -- no task's cancellation is delivered outside a coroutine's await
    pass


def plain():
    try:
        pick()
    except BaseException:  # differs: ASYNC103 -- no task's cancellation is delivered outside a coroutine's await
        pass
