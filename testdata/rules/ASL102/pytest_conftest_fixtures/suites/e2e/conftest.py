import pytest

from app.client import ApiClient


@pytest.fixture
def remote():
    return ApiClient()
