# pytest passes a test's parameter the value of the fixture of that name:
# a fixture of the test's module or class gives the parameter its type,
# what the fixture returns, or yields when it is a generator (an async one
# run by pytest-asyncio: `async with AsyncClient(...) as ac: yield ac`).
# realbugs69: a FastAPI test called `client.post(...)` on such a fixture
# without await and read `response.status_code`.
import httpx
import pytest
import pytest_asyncio
from httpx import AsyncClient


@pytest.fixture
async def client():
    async with AsyncClient(base_url="http://localhost") as ac:
        yield ac


@pytest_asyncio.fixture(name="api")
async def api_client_fixture():
    return httpx.AsyncClient(base_url="http://api")


@pytest.mark.asyncio
async def test_not_found(client):
    response = client.post("/x", json={})  # want: ASL102 "coroutine `client.post\(\)` is never awaited: it is stored in `response` and its attribute `status_code` is read"
    assert response.status_code == 404


@pytest.mark.asyncio
async def test_named_fixture(api):
    api.get("/health")  # want: ASL102 "coroutine `api.get\(\)` is never awaited: its result is discarded"


class TestWithClassFixture:
    @pytest.fixture
    def client(self):
        return Recorder()

    async def test_uses_class_fixture(self, client):
        client.post("/x")  # the class's fixture (a Recorder) overrides the module's


class Recorder:
    def post(self, path):
        return path


# Quiet: awaited.
@pytest.mark.asyncio
async def test_found(client):
    response = await client.post("/x", json={})
    assert response.status_code == 200


# Quiet: a helper is not a test; pytest passes it nothing.
async def helper(client):
    client.post("/x")


# Quiet: an annotated parameter keeps its annotation.
async def test_annotated(client: Recorder):
    client.post("/x")


# Quiet: parametrize gives the parameter its listed values, not the fixture.
@pytest.mark.parametrize("client", [Recorder()])
async def test_parametrized(client):
    client.post("/x")


@pytest.mark.parametrize("status, client", [(200, Recorder())])
async def test_parametrized_pair(status, client):
    client.post("/x")
