# Uses of a function as a value are found by what a name resolves to in its
# scope, not by the name alone.
import functools


def make_factory(create, check=None):
    if check is None:

        async def check(user):  # quiet: replaces the parameter and is handed on below
            return user == "admin"

    return functools.partial(create, check=check)


def run_with_timeout(gen):
    async def fetch():  # quiet: its coroutine is handed to with_timeout, which awaits it
        return 42

    return gen.with_timeout(10, fetch())


async def status():  # want: ASYNC124
    return "ok"


def report(status="unknown"):
    # A parameter named like the coroutine function above is not a use of it.
    print(status)
    return status


def loop_over(items):
    for status in items:
        print(status)
