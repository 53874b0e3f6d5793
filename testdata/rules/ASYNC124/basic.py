import asyncio


async def total(prices):  # want: ASYNC124 "async function `total` never awaits"
    return sum(prices)


async def nested_await_only():  # want: ASYNC124
    async def inner():
        await asyncio.sleep(1)

    return inner()  # (returning `inner` itself makes a factory a framework awaits: factory_of_coroutine_functions.py)


# Quiet
async def awaits():
    await asyncio.sleep(1)


async def iterates(stream):
    async for x in stream:
        print(x)


async def uses_lock(lock):
    async with lock:
        pass


async def comprehension(stream):
    return [x async for x in stream]


async def stub():
    ...


async def documented():
    """Implemented by subclasses."""


class Handler:
    async def handle(self, request):
        return request


def route(path):
    return lambda f: f


@route("/")
async def index():
    return "hello"


async def agen():  # quiet, unlike flake8-async: an async generator is how an async iterator is written
    yield 1


async def test_runs_under_plugin():  # want: ASYNC124 (not a test module: an ordinary function named test_*)
    assert True


async def child(record):
    record.append(1)


async def parent(nursery, record):  # want: ASYNC124
    nursery.start_soon(child, record)


async def make_queue():  # quiet: run_until_complete() needs its coroutine
    return asyncio.Queue()


def run_factory(loop):
    return loop.run_until_complete(make_queue())
