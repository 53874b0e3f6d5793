import pytest


class SyncClient:
    def post(self, url, **kwargs):
        return url


@pytest.fixture
def client():
    return SyncClient()
