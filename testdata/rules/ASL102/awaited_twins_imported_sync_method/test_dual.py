from dualapi.client import Client, Session


# Quiet: `c` may be the imported Client, whose get() is synchronous and
# returns Futures with sync=False (subscripted here, awaited below).
async def test_get(c):
    futures = c.get({"x": 1}, ["x"], sync=False)
    assert futures[0] is not None
    result = await c.get({"x": 1}, "x", sync=False)
    assert result == "x"


# Fires: fetch is a coroutine method of the imported class, awaited in
# the other call of the same function.
async def test_fetch(s):
    pages = s.fetch("a")  # want: ASL102 "coroutine `s\.fetch\(\)` is never awaited: it is stored in `pages` and subscripted"
    assert pages[0]
    assert await s.fetch("b")


# Fires: no imported class defines `load` synchronously.
async def test_load(c):
    items = c.load("a")  # want: ASL102
    assert items[0]
    assert await c.load("b")


def make():
    return Client(), Session()
