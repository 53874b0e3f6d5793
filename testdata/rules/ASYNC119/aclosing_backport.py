# async_generator's aclosing, the backport of contextlib.aclosing that
# projects supporting Python < 3.10 import, closes only the generator it is
# given, as contextlib's does: an inner generator method of the class.
from async_generator import aclosing


class Spawner:
    async def progress(self):
        yield {"progress": 50}

    async def _generate_progress(self):
        yield {"progress": 0}
        async with aclosing(self.progress()) as progress:
            async for event in progress:
                yield event


async def relay(stream):
    # A stream the caller gave is still reported: its cleanup is delayed.
    async with aclosing(stream) as s:
        async for item in s:
            yield item  # want: ASYNC119
