# Plain defs whose value may be awaitable, and shapes where the callee is
# not decidably the plain def: nothing is reported.
import asyncio
import functools


async def fetch():
    return 1


def fetch_later():
    return fetch()


def spawn():
    return asyncio.create_task(fetch())


def future():
    return asyncio.get_running_loop().create_future()


def in_thread():
    return asyncio.get_running_loop().run_in_executor(None, print)


def handed_on(value):
    return value


def by_name():
    result = fetch()
    return result


def decorated_helper(func):
    @functools.wraps(func)
    async def wrapper(*args):
        return func(*args)

    return wrapper


@decorated_helper
def decorated():
    return [1]


def reassigned():
    return [1]


reassigned = fetch


def twice():
    return [1]


if asyncio:
    def twice():
        return fetch()


def always_raises():
    raise RuntimeError("not here")


class Awaitable:
    def __await__(self):
        yield


class Base:
    def stub(self):
        raise NotImplementedError

    def overridden(self):
        return []

    def shadowed(self):
        return []

    def __init__(self):
        self.shadowed = fetch


class Sub(Base):
    async def stub(self):
        return 1

    async def overridden(self):
        return 2


class User:
    def __init__(self):
        self.base = Base()
        self.mocked = Base()
        self.mocked.overridden_elsewhere = fetch

    async def run(self):
        await fetch_later()
        await spawn()
        await future()
        await in_thread()
        await handed_on(fetch())
        await by_name()
        await decorated()
        await reassigned()
        await twice()
        await always_raises()
        await Awaitable()
        await self.base.stub()
        await self.base.overridden()
        await self.base.shadowed()
        await asyncio.sleep(0)


class Client:
    def fetch(self):
        return []

    def fetch_named(self):
        return []

    def plain(self):
        return []


async def mocked():
    client = Client()
    client.fetch = asyncio.Future
    await client.fetch()
    with unittest_mock_patch_object(Client, "fetch_named"):
        await client.fetch_named()
    await client.plain()  # want: ASL110


def unittest_mock_patch_object(target, name):
    return (target, name)


def wrapper(message):
    print(message)


async def _listen(callback):
    # The parameter's value is not resolved to the function passed for it.
    await callback("m")


async def main():
    await _listen(wrapper)


class Meta(type):
    pass


class Wrapped(metaclass=Meta):
    def fetch(self):
        return []


class WrappedChild(Wrapped):
    def fetch_more(self):
        return []


class Forwarding:
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)

    def fetch(self):
        return []


async def rewritten_members():
    # A metaclass may wrap every method; __getattribute__ may give another
    # value than the method.
    await Wrapped().fetch()
    await WrappedChild().fetch_more()
    await Forwarding().fetch()
    with unittest_mock_patch_object(None, "pkg.Dotted.fetch_dotted"):
        await Dotted().fetch_dotted()


class Dotted:
    def fetch_dotted(self):
        return []


class SelfShadowed:
    def __init__(self, other):
        self.other = other

    def fetch_shadowed(self):
        return []

    def install(self):
        self.fetch_shadowed = fetch

    async def run(self):
        await self.fetch_shadowed()
