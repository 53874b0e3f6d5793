# The same objects imported by a relative import, inside a function, or
# held in a local name: Python raises TypeError wherever they are defined.
from ..guards import DualGuard, Harvest, OrmSession, Rows, events, numbers, session_scope, system_scope


async def poll(client, ids):
    guard = Harvest()
    async with client as c, guard:  # want: ASL111 "`Harvest` defines `__enter__` and no `__aenter__`"
        print(c)
    async with system_scope("poll"), client:  # want: ASL111 "a call of an `@contextmanager` generator\) supports only a plain `with`"
        pass
    for mailbox in ids:
        from app.guards import system_scope as scope

        async with scope("load mailbox"):  # want: ASL111
            print(mailbox)
    async for n in numbers():  # want: ASL111 "a call of the generator function `numbers`"
        print(n)
    rows = Rows()
    async for r in rows:  # want: ASL111 "`Rows` defines `__iter__` and no `__aiter__`"
        print(r)
    for e in events():  # want: ASL111 "a call of the async generator function `events`"
        print(e)


async def quiet(client, system_scope):
    # An asynchronous manager, a class with both protocols, a class with a
    # library base (which may add __aenter__), and a parameter that shadows
    # the import.
    async with session_scope("poll"), DualGuard(), OrmSession():
        pass
    async with system_scope("shadowed"):
        pass
    with Harvest():
        pass
    async for e in events():
        print(e)
    for n in numbers():
        print(n)
