import pytest


@pytest.mark.asyncio
async def test_post(client):
    response = client.post("/x", json={})  # want: ASL102 "coroutine `client.post\(\)` is never awaited: it is stored in `response` and its attribute `status_code` is read"
    assert response.status_code == 404


async def test_fetch(api):
    api.fetch("/health")  # want: ASL102 "coroutine `api.fetch\(\)` is never awaited: its result is discarded"


class TestSession:
    async def test_session(self, session):
        session.get("/x")  # want: ASL102 "coroutine `session.get\(\)` is never awaited: its result is discarded"


# Quiet: awaited.
async def test_awaited(client, api):
    response = await client.post("/x")
    assert response.status_code == 200
    await api.fetch("/")


# Quiet: a helper is not a test; pytest passes it nothing.
async def helper(client):
    client.post("/x")


# Quiet: parametrize overrides the fixture.
@pytest.mark.parametrize("api", [object()])
async def test_parametrized(api):
    api.fetch("/")
