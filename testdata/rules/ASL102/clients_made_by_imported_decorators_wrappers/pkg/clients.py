# A call of a function that an imported decorator of the project replaces
# by a wrapper of its own returns what the wrapper returns, not what the
# function's body does; a wrapper that hands back the wrapped call, or a
# registering decorator, keeps the body's value.
import httpx
import requests

from pkg import decorators
from pkg.decorators import logged, pooled, registered


@pooled
def make_pooled():
    return requests.Session()


@decorators.blocking(retries=2)
def make_blocking():
    return httpx.AsyncClient()


@logged
def make_logged():
    return httpx.AsyncClient()


@registered
def make_registered():
    return httpx.AsyncClient()


@logged
@pooled
def make_logged_pooled():
    return requests.Session()


def ping(url):
    make_pooled().get(url)  # want: ASL102 "coroutine `make_pooled\(\)\.get\(\)` is never awaited"
    make_logged().get(url)  # want: ASL102
    make_registered().get(url)  # want: ASL102
    make_logged_pooled().get(url)  # want: ASL102
    # Quiet: the wrapper returns a synchronous session.
    make_blocking().get(url)
