import contextlib

from ._typing import ClientProtocol


class TrafficMixin(ClientProtocol):
    # `self._stream_events` resolves to the Protocol's declaration, which
    # stands for the transport mixin's generator.
    async def traffic(self, url):
        stream = self._stream_events(url)
        try:
            async for chunk in stream:
                yield len(chunk)
        finally:
            await stream.aclose()

    async def first_chunk(self, url):
        events = self._stream_events(url)
        async with contextlib.aclosing(events):
            async for chunk in events:
                return chunk

    async def leaks(self, url):
        async for chunk in self._stream_one_caller_leaks(url):
            return chunk

    async def closes(self, url):
        stream = self._stream_one_caller_leaks(url)
        try:
            async for chunk in stream:
                return chunk
        finally:
            await stream.aclose()

    async def closed_before_use(self, url):
        # The aclose() comes before the generator is bound: it closes an
        # earlier one.
        stream = None
        try:
            pass
        finally:
            if stream is not None:
                await stream.aclose()
        stream = self._closed_too_early(url)
        async for response in stream:
            return response
