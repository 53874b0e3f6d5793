# pytest gives a test's parameter the fixture of that name from the
# nearest conftest.py above the test module when neither the test's class
# nor its module defines one. These fixtures are requested by the tests
# under tests/ and other/.
import httpx
import pytest
import pytest_asyncio

from app.client import ApiClient


@pytest_asyncio.fixture
async def client():
    async with httpx.AsyncClient(base_url="http://test") as ac:
        yield ac


@pytest.fixture
def api():
    return ApiClient()


@pytest.fixture
def session():
    return ApiClient()
