import asyncio
import functools

# A decorator whose synchronous wrapper returns the wrapped function's call
# as it is (converting the errors it raises while being called) hands back
# the coroutine: the decorated `async def` still returns one.


class ApiError(Exception):
    pass


def handle_api_error(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KeyError as e:
            raise ApiError(str(e)) from e

    return wrapper


def tagged(tag):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            print(tag)
            return func(*args, **kwargs)

        return wrapper

    return decorate


class Service:
    @handle_api_error
    async def get_info(self, name: str) -> dict:
        await asyncio.sleep(0)
        return {"name": name}

    @tagged("refs")
    async def resolve(self, ref: str) -> str:
        await asyncio.sleep(0)
        return ref


def show(service: Service) -> str:
    info = service.get_info("repo")  # want: ASL102 "coroutine `service.get_info\(\)` is never awaited: it is stored in `info` and its method `keys\(\)` is called on the coroutine object"
    return ", ".join(info.keys())


async def refresh(service: Service) -> None:
    service.resolve("main")  # want: ASL102 "its result is discarded; add `await`"
    await service.get_info("repo")


# Quiet: wrappers that run the coroutine, return something else on some
# path, or return what they made of the call: not the coroutine as it is.
def run_sync(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return asyncio.run(func(*args, **kwargs))

    return wrapper


def or_none(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KeyError:
            return None

    return wrapper


class Other:
    @run_sync
    async def fetch(self) -> int:
        await asyncio.sleep(0)
        return 1

    @or_none
    async def maybe(self) -> int:
        await asyncio.sleep(0)
        return 2


def use(other: Other) -> int:
    value = other.fetch()
    other.maybe()
    return value + 1
