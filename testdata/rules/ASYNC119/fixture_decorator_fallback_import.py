# A fixture decorator imported under another name, with the fallback of a
# failed import written as an assignment: the decorator is written for what
# the try imports. pytest resumes the fixture's generator after the test,
# so the `async with` is exited there, not at garbage collection.
try:
    from pytest_asyncio import fixture as async_fixture
except ImportError:
    import pytest

    async_fixture = pytest.fixture

try:
    from pytest_asyncio import fixture as maybe_fixture
except RuntimeError:
    maybe_fixture = None

try:
    from pytest_asyncio import fixture as rebound_fixture
except ImportError:
    rebound_fixture = None
rebound_fixture = make_decorator()


class Server:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        pass


@async_fixture()
async def served():
    async with Server() as server:
        yield server  # quiet: a pytest fixture


@async_fixture
async def served_bare():
    async with Server() as server:
        yield server  # quiet: a pytest fixture


@maybe_fixture()
async def served_other_handler():
    async with Server() as server:
        yield server  # want: ASYNC119


@rebound_fixture()
async def served_rebound():
    async with Server() as server:
        yield server  # want: ASYNC119
