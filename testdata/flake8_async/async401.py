# upstream: tests/eval_files/async401.py @ 7326ac748d55d425d27fc848c19fd18564995cc4
# codes: ASYNC401
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import builtins
import sys

import pytest
from exceptiongroup import BaseExceptionGroup as BackportBaseGroup
from exceptiongroup import ExceptionGroup as BackportGroup
from pytest import raises
from pytest import raises as checks_raise

if sys.version_info < (3, 11):
    from exceptiongroup import BaseExceptionGroup, ExceptionGroup


class _Other:
    def raises(self, expected_exception):
        pass


other = _Other()


def test_groups():
    pytest.raises(ExceptionGroup)  # want: ASYNC401
    pytest.raises(BaseExceptionGroup)  # want: ASYNC401
    pytest.raises(expected_exception=ExceptionGroup)  # want: ASYNC401
    pytest.raises((KeyError, ExceptionGroup))  # want: ASYNC401
    pytest.raises(builtins.ExceptionGroup)  # want: ASYNC401
    pytest.raises(BackportGroup)  # want: ASYNC401
    pytest.raises(BackportBaseGroup)  # want: ASYNC401
    raises(ExceptionGroup)  # want: ASYNC401
    checks_raise(ExceptionGroup)  # want: ASYNC401

    pytest.raises(KeyError)
    pytest.RaisesGroup(KeyError)
    raises(KeyError)
    other.raises(ExceptionGroup)
