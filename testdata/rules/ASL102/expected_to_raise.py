# A synchronous function that returns an awaitable may raise before making
# it (validating its arguments first): a test that calls it inside
# `self.assertRaises*(...)` or `pytest.raises(...)` expects that raise, and
# no awaitable is made. An `async def` raises nothing until it is awaited,
# so calling one there without `await` is still the bug.
import unittest
from typing import Awaitable

import pytest


class Client:
    def make_request(self, method) -> Awaitable[str]:
        if method not in ("GET", "PUT"):
            raise ValueError(method)
        return self.fetch(method)

    async def fetch(self, method):
        if method not in ("GET", "PUT"):
            raise ValueError(method)
        return method


class ClientTests(unittest.IsolatedAsyncioTestCase):
    async def test_rejects_method(self):
        client = Client()
        with self.assertRaisesRegex(ValueError, "DELETE"):
            client.make_request("DELETE")  # quiet: raises before making the awaitable

    async def test_fetch_rejects_method(self):
        client = Client()
        with self.assertRaises(ValueError):
            client.fetch("DELETE")  # want: ASL102


async def test_pytest_style():
    client = Client()
    with pytest.raises(ValueError):
        client.make_request("DELETE")  # quiet
    client.make_request("GET")  # want: ASL102
