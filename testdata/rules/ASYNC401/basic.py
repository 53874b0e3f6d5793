import pytest
import exceptiongroup


async def test_fails():
    with pytest.raises(ExceptionGroup):  # want: ASYNC401 "`pytest\.raises\(ExceptionGroup\)` passes whatever the group contains"
        await run_all()


def test_base():
    with pytest.raises(BaseExceptionGroup, match="x"):  # want: ASYNC401
        run()
    with pytest.raises((ValueError, exceptiongroup.ExceptionGroup)):  # want: ASYNC401
        run()


# Quiet
def test_value():
    with pytest.raises(ValueError):
        run()
    with pytest.RaisesGroup(ValueError):
        run()


async def run_all():
    pass


def run():
    pass
