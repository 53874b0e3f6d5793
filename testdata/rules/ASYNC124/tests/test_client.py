# A test module: pytest-asyncio, anyio and pytest-trio run its test
# functions in the event loop, so they stay coroutines (flake8-async reports
# them; asyncls does not).
import asyncio
import unittest

import pytest


async def test_loop_is_running():
    assert asyncio.get_running_loop().is_running()


@pytest.mark.asyncio
async def test_marked():
    assert True


class TestClient(unittest.IsolatedAsyncioTestCase):
    async def test_method(self):
        self.assertTrue(True)

    async def asyncSetUp(self):
        self.client = object()


async def make_payload(size):  # want: ASYNC124 (a helper, not a test)
    return b"x" * size
