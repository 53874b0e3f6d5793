# A handler whose last statement calls a helper of the project that raises
# CancelledError itself re-raises through it (grpc's aio call: cancel the
# RPC, then `await self._raise_for_status()`, which raises
# `asyncio.CancelledError()` for a locally cancelled call). A helper that
# raises something else, or a call that is not the handler's last
# statement, is still reported.
import asyncio


class Call:
    def __init__(self, channel):
        self._channel = channel
        self._locally_cancelled = False

    def cancel(self):
        self._locally_cancelled = True

    async def _raise_for_status(self):
        if self._locally_cancelled:
            raise asyncio.CancelledError()
        code = await self._channel.code()
        if code != 0:
            raise RuntimeError(code)

    def _check_open(self):
        if self._channel.closed:
            raise RuntimeError("closed")

    async def read(self):
        try:
            return await self._channel.receive()
        except asyncio.CancelledError:
            self.cancel()
            await self._raise_for_status()

    async def write(self, data):
        try:
            await self._channel.send(data)
        except asyncio.CancelledError:  # want: ASYNC103
            self.cancel()
            self._check_open()

    async def write_and_log(self, data):
        try:
            await self._channel.send(data)
        except asyncio.CancelledError:  # want: ASYNC103
            await self._raise_for_status()
            print("cancelled")


def _stop_if_cancelled(flag):
    if flag:
        raise asyncio.CancelledError


async def fetch(channel, flag):
    try:
        return await channel.receive()
    except BaseException:
        _stop_if_cancelled(flag)


async def fetch_logged(channel):
    try:
        return await channel.receive()
    except BaseException:  # want: ASYNC103
        print("failed")
