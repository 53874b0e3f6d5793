import pytest


# Asks for the outer `api` (a fixture requesting its own name) and hands it on.
@pytest.fixture
def api(api):
    return api
