import pytest


# Requests the root conftest.py's `client`: the session is that AsyncClient.
@pytest.fixture
async def session(client):
    return client
