# Cases from flake8-async's eval_files/async401.py.
import asyncio
import builtins
import sys

import pytest
from exceptiongroup import BaseExceptionGroup as BackportBaseExceptionGroup
from exceptiongroup import ExceptionGroup as BackportExceptionGroup
from pytest import raises
from pytest import raises as pytest_raises

if sys.version_info < (3, 11):
    from exceptiongroup import BaseExceptionGroup, ExceptionGroup


class _NotPytest:
    def raises(self, expected_exception):
        pass


not_pytest = _NotPytest()

pytest.raises(ExceptionGroup)  # want: ASYNC401
pytest.raises(BaseExceptionGroup)  # want: ASYNC401
pytest.raises(expected_exception=ExceptionGroup)  # want: ASYNC401
pytest.raises((ValueError, ExceptionGroup))  # want: ASYNC401
pytest.raises(builtins.ExceptionGroup)  # want: ASYNC401
pytest.raises(BackportExceptionGroup)  # want: ASYNC401
pytest.raises(BackportBaseExceptionGroup)  # want: ASYNC401
raises(ExceptionGroup)  # want: ASYNC401
pytest_raises(ExceptionGroup)  # want: ASYNC401

pytest.raises(ValueError)
pytest.RaisesGroup(ValueError)
raises(ValueError)
not_pytest.raises(ExceptionGroup)


async def test_x():
    with pytest.raises(ExceptionGroup) as exc_info:  # want: ASYNC401
        async with asyncio.TaskGroup() as tg:
            tg.create_task(x())
    with pytest.raises(ExceptionGroup, match="x"):  # want: ASYNC401
        pass
