# `await` on the call of an async generator function: the call gives an
# async generator at once (its body runs only when iterated), which has no
# `__await__`, so the line raises TypeError ("object async_generator can't
# be used in 'await' expression") every time it runs. Shape of an agent of
# a Panel-based AI app awaiting the prompt stream it inherits.
import asyncio
import contextlib


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class Actor:
    async def _stream_prompt(self, prompt):
        for chunk in prompt.split():
            yield chunk

    @classmethod
    async def lines(cls, text):
        for line in text.splitlines():
            yield line


class ViewAgent(Actor):
    async def generate(self, prompt):
        response = await self._stream_prompt(prompt)  # want: ASL110 "`Actor._stream_prompt` is an async generator function: its call gives an async generator"
        async for output in response:
            print(output)

    async def first_line(self, text):
        return await ViewAgent.lines(text)  # want: ASL110


async def total():
    values = await numbers(3)  # want: ASL110 "async generator function"
    return values


async def schedule():
    asyncio.create_task(numbers(3))  # want: ASL110


# The nearest correct code, quiet: the call iterated with `async for`, kept
# to iterate later or handed to a function that iterates it; the steps of
# the iteration awaited (`anext`, `__anext__`); a decorated async generator
# (`contextlib.asynccontextmanager` makes a context manager of it, another
# decorator may make a coroutine function of it); an async generator a
# subclass overrides with a coroutine function; an `async def` whose
# `yield` is in a nested function only.


async def consume(gen):
    return [x async for x in gen]


class Base:
    async def _stream_prompt(self, prompt):
        for chunk in prompt.split():
            yield chunk

    async def fetch(self):
        yield 1


class Fetcher(Base):
    async def fetch(self):
        return 2


class GoodAgent(Base):
    async def generate(self, prompt):
        response = self._stream_prompt(prompt)
        async for output in response:
            print(output)
        first = await anext(self._stream_prompt(prompt))
        also = await self._stream_prompt(prompt).__anext__()
        return first, also, await consume(numbers(2))

    async def fetch_one(self):
        # A subclass makes `fetch` a coroutine function.
        return await self.fetch()


@contextlib.asynccontextmanager
async def session():
    yield "s"


async def uses_session():
    async with session() as s:
        return s


async def outer():
    def inner():
        yield 1

    return list(inner())


async def waits():
    return await outer()
