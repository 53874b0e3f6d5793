from unittest.mock import AsyncMock, patch

import pytest

from util import Client


@pytest.fixture
def patched(monkeypatch):
    monkeypatch.setattr(Client, "close", AsyncMock())
    with patch("util.version", AsyncMock(return_value="2.0")):
        yield
