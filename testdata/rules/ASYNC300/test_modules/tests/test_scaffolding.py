import asyncio
from unittest import mock

import pytest

from pkg.stream import Stream, helper_in_the_library
from tests.helpers import check_later, feed_later


# Quiet: a task of the test's own helper that checks nothing; it feeds what
# the test then waits for, so its failure is the test's failure.
async def test_wait_eof():
    stream = Stream()

    async def cb():
        await asyncio.sleep(0.1)
        stream.feed_eof()

    asyncio.get_running_loop().create_task(cb())
    await stream.wait_eof()


async def test_helper_of_the_tests_directory():
    stream = Stream()
    asyncio.ensure_future(feed_later(stream))
    await stream.wait_eof()


class BadNetwork:
    def __init__(self, proxy):
        self.proxy = proxy
        self.loop = asyncio.get_event_loop()

    async def disconnect(self):
        await self.proxy.disconnect_all()

    async def server_to_client(self, chunk):
        # Quiet: the test's fake network breaks the connection on purpose.
        self.loop.create_task(self.disconnect())
        return chunk


# Reported: the dropped task asserts; a failed assertion in it is lost and
# the test passes whatever happens.
async def test_checks_in_a_dropped_task():
    stream = Stream()

    async def check():
        await stream.wait_eof()
        assert stream is not None

    asyncio.create_task(check())  # want: ASYNC300
    stream.feed_eof()
    await asyncio.sleep(0)


async def test_checks_through_a_helper():
    stream = Stream()

    async def run():
        await check_later(stream)

    asyncio.create_task(run())  # want: ASYNC300
    asyncio.create_task(check_later(stream))  # want: ASYNC300
    await asyncio.sleep(0.1)


async def test_mock_assertion_in_a_dropped_task():
    callback = mock.Mock()

    async def verify():
        await asyncio.sleep(0)
        callback.assert_called_once_with(1)

    asyncio.create_task(verify())  # want: ASYNC300
    callback(1)


async def test_pytest_raises_in_a_dropped_task():
    async def expect_failure():
        with pytest.raises(ValueError):
            await asyncio.sleep(0)

    asyncio.create_task(expect_failure())  # want: ASYNC300


class TestCase:
    async def _check(self):
        self.assertTrue(True)

    async def test_unittest_assertion(self):
        asyncio.create_task(self._check())  # want: ASYNC300


# Reported: a task of the code under test (the project's or a library's
# coroutine), whose error is only logged while the test goes on.
async def test_code_under_test_as_a_dropped_task():
    stream = Stream()
    asyncio.create_task(stream.close())  # want: ASYNC300
    asyncio.create_task(helper_in_the_library(stream))  # want: ASYNC300
    asyncio.create_task(asyncio.sleep(0.1))  # want: ASYNC300
    await stream.wait_eof()


async def test_raises_in_a_dropped_task():
    stream = Stream()

    async def watch():
        await stream.wait_eof()
        if stream is None:
            raise AssertionError("no stream")

    asyncio.create_task(watch())  # want: ASYNC300
    stream.feed_eof()


# Quiet: re-raising what it caught (a cancellation) checks nothing.
async def test_reraises_its_cancellation():
    stream = Stream()

    async def feed():
        try:
            await asyncio.sleep(0.01)
        except asyncio.CancelledError:
            stream.feed_eof()
            raise
        stream.feed_eof()

    asyncio.create_task(feed())
    await stream.wait_eof()
