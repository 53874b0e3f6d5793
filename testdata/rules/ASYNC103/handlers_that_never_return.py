# A handler that ends in a call that never returns swallows nothing: the
# process ends (os._exit) or the call raises (pytest.fail ends the test).
# A handler that logs and goes on is still reported.
import asyncio
import logging
import os

import pytest


async def close_or_die(worker):
    try:
        await asyncio.wait_for(worker.close(), 30)
    except BaseException:
        logging.critical("closing failed, exiting now")
        os._exit(1)


async def test_no_base_exception_escapes(future):
    try:
        await future
    except BaseException as e:
        pytest.fail(f"BaseException propagated back to test: {e!r}")


async def close_or_log(worker):
    try:
        await asyncio.wait_for(worker.close(), 30)
    except BaseException:  # want: ASYNC103
        logging.critical("closing failed")


async def maybe_exit(worker, fatal):
    try:
        await worker.close()
    except BaseException:  # want: ASYNC103
        if fatal:
            os._exit(1)
