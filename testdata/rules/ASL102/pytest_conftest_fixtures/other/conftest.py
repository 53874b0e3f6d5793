import pytest

from app.client import Recorder


# Nearer than the root conftest.py's `session`, and synchronous.
@pytest.fixture
def session():
    return Recorder()
