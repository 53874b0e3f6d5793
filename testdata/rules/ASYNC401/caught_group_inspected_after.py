# A test that reads the group it caught after the block checks its
# contents itself (anyio's and trio's suites): not reported.
import pytest


async def test_contents_checked():
    with pytest.raises(ExceptionGroup) as exc:
        await run_all()
    assert len(exc.value.exceptions) == 2
    assert isinstance(exc.value.exceptions[0], ValueError)


async def test_group_contains():
    with pytest.raises(BaseExceptionGroup) as excinfo:
        await run_all()
    assert excinfo.group_contains(KeyError)


# Reported: the name is bound but only the message is matched.
async def test_only_matched():
    with pytest.raises(ExceptionGroup) as exc:  # want: ASYNC401
        await run_all()
    exc.match("boom")


# Reported: the contents are read inside the block, before anything raised.
async def test_read_before():
    with pytest.raises(ExceptionGroup) as exc:  # want: ASYNC401
        print(exc)
        await run_all()


# Reported: another test's `exc` is not this one's.
async def test_other_name():
    with pytest.raises(ExceptionGroup):  # want: ASYNC401
        await run_all()
    exc = object()
    print(exc)


async def run_all():
    pass
