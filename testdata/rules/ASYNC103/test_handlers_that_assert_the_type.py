# A test module: handlers that assert what they caught.
import asyncio


async def crash():
    await asyncio.sleep(0)
    raise KeyError("boom")


# Quiet: a cancellation would fail the assertion (the test fails loudly).
async def test_crash_surfaces_key_error():
    try:
        await crash()
    except BaseException as exc:
        assert type(exc) is KeyError


async def test_crash_is_an_ordinary_error():
    try:
        await crash()
    except BaseException as exc:
        assert isinstance(exc, Exception)
        print("caught", exc)


# Fires: asserting a type that a cancellation also is lets it vanish.
async def test_anything_goes():
    try:
        await crash()
    except BaseException as exc:  # want: ASYNC103
        assert isinstance(exc, BaseException)


# Fires: an assertion about something else does not stop the cancellation.
async def test_counts_attempts():
    attempts = 0
    try:
        attempts += 1
        await crash()
    except BaseException:  # want: ASYNC103
        assert attempts == 1


# Quiet: `assert False` fails the test whatever was caught, a cancellation
# included.
async def test_timeout_is_the_only_outcome():
    try:
        await crash()
        assert False
    except KeyError:
        pass
    except BaseException as e:
        assert False, e


# Fires: a true assertion first lets the cancellation vanish.
async def test_true_assertion_first():
    try:
        await crash()
    except BaseException as e:  # want: ASYNC103
        assert True, e


async def test_unnamed_handler_that_fails():
    try:
        await crash()
    except BaseException:
        assert 0, "should not get here"
