from unittest import mock

import pytest

# An imported fixture overrides the root conftest.py's `client`.
from tests.fixtures import client  # noqa: F401


# Quiet: the imported (synchronous) `client`.
@pytest.mark.asyncio
async def test_imported_fixture(client):
    response = client.post("/x")
    assert response == "/x"


# Quiet: `@mock.patch` passes its mock into the first parameter, which
# pytest then does not fill with a fixture.
@mock.patch("app.client.Recorder")
async def test_patched(session, api):
    session.get("/x")
    api.fetch("/health")  # want: ASL102 "coroutine `api.fetch\(\)` is never awaited: its result is discarded"


from tests.base import BaseAPITest  # noqa: E402


# Quiet: the base test class's `client` fixture overrides the conftest.py's.
class TestInherited(BaseAPITest):
    async def test_post(self, client):
        response = client.post("/x")
        assert response == "/x"
