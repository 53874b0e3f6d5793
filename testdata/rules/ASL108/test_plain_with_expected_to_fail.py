import asyncio
import unittest

import aiohttp
import pytest


async def test_session_context_manager():
    # Quiet: the test checks that the plain `with` raises TypeError.
    with pytest.raises(TypeError):
        with aiohttp.ClientSession() as session:
            pass


async def test_lock_in_a_tuple():
    # Quiet: TypeError is one of the expected exceptions.
    with pytest.raises((TypeError, AttributeError)):
        with asyncio.Lock():
            pass


async def test_expects_another_error():
    # Fires: the TypeError fails this test.
    with pytest.raises(KeyError):
        with asyncio.Lock():  # want: ASL108
            pass


class TestLock(unittest.IsolatedAsyncioTestCase):
    async def test_plain_with(self):
        # Quiet: unittest's assertRaises alike.
        with self.assertRaises(TypeError):
            with asyncio.Lock():
                pass
