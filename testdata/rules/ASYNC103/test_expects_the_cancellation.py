# In a test module, a try statement whose `else` clause fails the test
# asserts that its body is cancelled: the handler is the outcome the test
# expects (libpulse's test of the abort on a connection failure). Without
# the failing `else`, or outside a test, the handler is still reported.
import asyncio
import unittest

import pytest


class LibPulseTests(unittest.IsolatedAsyncioTestCase):
    async def test_fail_connect(self):
        wait_forever = asyncio.get_running_loop().create_future()
        try:
            await wait_forever
        except asyncio.CancelledError:  # quiet: the cancellation the test expects
            self.state = "closed"
        else:
            self.fail("wait_forever has not been cancelled as expected")

    async def test_no_else(self):
        wait_forever = asyncio.get_running_loop().create_future()
        try:
            await wait_forever
        except asyncio.CancelledError:  # want: ASYNC103
            self.state = "closed"
        self.assertEqual(self.state, "closed")


async def test_pytest_fail(aborting):
    try:
        await aborting.wait()
    except asyncio.CancelledError:  # quiet
        pass
    else:
        pytest.fail("not cancelled")


async def test_assert_false(aborting):
    try:
        await aborting.wait()
    except asyncio.CancelledError:  # quiet
        pass
    else:
        assert False, "not cancelled"


async def test_else_logs(aborting):
    try:
        await aborting.wait()
    except asyncio.CancelledError:  # want: ASYNC103
        pass
    else:
        print("not cancelled")
