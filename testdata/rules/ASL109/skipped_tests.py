# A test skipped whatever happens never runs: findings inside it are dropped,
# for every rule, until the skip is removed.
import asyncio
import unittest
from unittest import skip

import pytest


@pytest.mark.skip("we need to reconsider how we test this")
async def test_proxy_timeout(loop):
    # Quiet: the test never runs.
    await asyncio.sleep(0.1, loop=loop)
    await asyncio.gather(asyncio.sleep(0), loop=loop)


@pytest.mark.skip
async def test_bare_skip(loop):
    await asyncio.sleep(0.1, loop=loop)  # quiet: bare @pytest.mark.skip


@skip("broken upstream")
async def test_unittest_skip(loop):
    await asyncio.sleep(0.1, loop=loop)  # quiet: unittest.skip


@unittest.skip("flaky")
class TestSkippedClass(unittest.IsolatedAsyncioTestCase):
    async def test_sleep(self):
        await asyncio.sleep(0.1, loop=self.loop)  # quiet: the class is skipped


@pytest.mark.skipif(True, reason="only on Windows")
async def test_conditional_skip(loop):
    await asyncio.sleep(0.1, loop=loop)  # want: ASL109


@pytest.mark.xfail
async def test_expected_failure(loop):
    await asyncio.sleep(0.1, loop=loop)  # want: ASL109


@unittest.skipIf(True, "slow")
async def test_skip_if(loop):
    await asyncio.sleep(0.1, loop=loop)  # want: ASL109


async def test_runs(loop):
    await asyncio.sleep(0.1, loop=loop)  # want: ASL109
