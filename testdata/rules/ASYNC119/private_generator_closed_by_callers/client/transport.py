# A private async generator whose every caller in the project closes the
# generator it makes (aiopnsense's `_stream_json_events` on corpus44: its one
# caller, in another module's mixin, binds it to a local and closes it with
# `await stream.aclose()` in `finally:`): the with blocks exit when the
# caller's iteration ends, not at garbage collection, which is what this
# rule advises. Quiet. A private generator that some caller iterates
# without closing, a public one (its callers are outside the project too),
# and one handed on by name (`callback=self._lines`) are still reported.
import contextlib

import aiohttp


class TransportMixin:
    async def _stream_events(self, url):
        async with self._session.get(url) as response:
            async for chunk in response.content.iter_chunked(1024):
                yield chunk

    async def _stream_closed_by_aclosing(self, url):
        async with self._session.get(url) as response:
            async for chunk in response.content.iter_chunked(1024):
                yield chunk

    async def _stream_one_caller_leaks(self, url):
        async with self._session.get(url) as response:
            async for chunk in response.content.iter_chunked(1024):
                yield chunk  # want: ASYNC119

    async def stream_public(self, url):
        async with self._session.get(url) as response:
            async for chunk in response.content.iter_chunked(1024):
                yield chunk  # want: ASYNC119

    async def _lines(self, path):
        async with aiohttp.ClientSession() as session:
            async with session.get(path) as response:
                async for line in response.content:
                    yield line  # want: ASYNC119

    def register(self, hub):
        hub.add(callback=self._lines)

    async def _never_called(self, url):
        async with self._session.get(url) as response:
            yield response  # want: ASYNC119

    async def _closed_too_early(self, url):
        async with self._session.get(url) as response:
            yield response  # want: ASYNC119

    async def events_with_aclosing(self, url):
        async with contextlib.aclosing(self._stream_closed_by_aclosing(url)) as stream:
            async for chunk in stream:
                return chunk
