import pytest

from app.client import Recorder


# Quiet: the module's own fixture overrides every conftest.py's.
@pytest.fixture
def client():
    return Recorder()


async def test_local(client):
    client.post("/x")
