import pytest


class SyncClient:
    def post(self, url, **kwargs):
        return url


class BaseAPITest:
    @pytest.fixture
    def client(self):
        return SyncClient()
