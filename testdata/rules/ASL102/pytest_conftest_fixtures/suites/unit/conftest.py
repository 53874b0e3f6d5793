import pytest

from app.client import Recorder


# Synchronous here; suites/e2e/conftest.py's `remote` is async. Neither
# directory is a package, so both conftest.py (and both test_remote.py)
# have the same module name: the directory decides.
@pytest.fixture
def remote():
    return Recorder()
