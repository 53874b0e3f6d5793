# A name bound by unpacking (`a, b = ...`) takes the element at its
# position: of a tuple or list display, or of every tuple a helper of the
# project returns when all of them have the target's arity and agree on the
# type there (a bare `return` and `None` elements aside), or of the helper's
# `tuple[...]` return annotation; of the results `await asyncio.gather(...)`
# gives, in the order of its awaitables.
import asyncio
from typing import Optional, Tuple

import aiohttp


class Client:
    async def fetch(self):
        pass

    def size(self):
        return 0


def make_pair():
    session = aiohttp.ClientSession()
    return session.post, session.close


def transform(one_time):
    if one_time:
        session = aiohttp.ClientSession()
        cleanup = session.close
    else:
        session = None
        cleanup = None
    return session, (1, 2), cleanup


def annotated() -> Tuple[Client, int]:
    return make(), 0


def make():
    return Client()


async def coroutine_pair():
    return Client(), 1


def nested():
    return 1, (Client(), "x")


async def fires(flag):
    post, close = make_pair()
    close()  # want: ASL102
    session, args, cleanup = transform(flag)
    if cleanup:
        cleanup()  # want: ASL102
    session.close()  # want: ASL102
    client, n = annotated()
    client.fetch()  # want: ASL102
    first, *rest, last = transform(flag)
    last()  # want: ASL102
    other, count = await coroutine_pair()
    other.fetch()  # want: ASL102
    _, (inner, label) = nested()
    inner.fetch()  # want: ASL102
    a, b = Client(), 2
    a.fetch()  # want: ASL102
    pair = make_pair()
    p, q = pair
    q()  # want: ASL102
    g1, g2 = await asyncio.gather(coroutine_client(), asyncio.sleep(1))
    g1.fetch()  # want: ASL102
    (h1, h2), g3 = await asyncio.gather(coroutine_pair(), coroutine_client())
    h1.fetch()  # want: ASL102


async def coroutine_client() -> Client:
    return Client()


def disagree(flag):
    if flag:
        return Client(), 1
    return 1, Client()


def arity(flag):
    if flag:
        return Client(), 1
    return Client(), 1, 2


def other_shape(flag):
    if flag:
        return Client(), 1
    return make_tuple()


def make_tuple():
    return tuple()


def long_tuple() -> Tuple[Client, ...]:
    return (Client(),)


async def quiet(flag):
    # Quiet: the returns disagree on the position.
    x, y = disagree(flag)
    x.fetch()
    # Quiet: one return has another arity.
    x2, y2 = arity(flag)
    x2.fetch()
    # Quiet: a return of another shape.
    x3, y3 = other_shape(flag)
    x3.fetch()
    # Quiet: the starred target is a list.
    *several, tail = transform(flag)
    several.fetch()
    # Quiet: `tuple[X, ...]` has no positions.
    c1, c2 = long_tuple()
    c1.fetch()
    # Quiet: the display has another arity than the target.
    d1, d2 = Client(), 1, 2
    d1.fetch()
    # Quiet: awaited.
    post, close = make_pair()
    await close()
    client, n = annotated()
    await client.fetch()
    # Quiet: a synchronous method at the position.
    client.size()
    # Quiet: with return_exceptions an element may be an exception.
    r1, r2 = await asyncio.gather(coroutine_client(), coroutine_client(), return_exceptions=True)
    r1.fetch()
    # Quiet: the target's arity is not the number of awaitables.
    s1, s2 = await asyncio.gather(coroutine_client())
    s1.fetch()
    # Quiet: without await, `coroutine_pair()` is a coroutine, not a tuple.
    e1, e2 = coroutine_pair()  # want: ASL102
    e1.fetch()


class Holder:
    def __init__(self, flag):
        # Attributes of self bound by unpacking take their element too.
        self.post, self.close = make_pair()
        self.left, self.right = disagree(flag)

    async def run(self):
        self.close()  # want: ASL102
        # Quiet: the returns disagree on the position.
        self.left.fetch()
