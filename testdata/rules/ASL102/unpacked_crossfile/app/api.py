# The helper returning the tuple lives in another module of the project.
from app import helpers
from app.helpers import Factory, mixed, transform


async def request(req):
    fn, args, cleanup = transform(req)
    try:
        async with fn(*args) as r:
            return await r.json()
    finally:
        cleanup()  # want: ASL102


async def through_module(req):
    fn, args, cleanup = helpers.transform(req)
    cleanup()  # want: ASL102


async def method(req):
    session, close = Factory().open()
    close()  # want: ASL102
    session.close()  # want: ASL102


async def quiet(req, flag):
    # Quiet: awaited.
    fn, args, cleanup = transform(req)
    await cleanup()
    # Quiet: the returns disagree on the position.
    a, b = mixed(flag)
    a.close()
    # Quiet: the target's arity is not the helper's.
    x, y = transform(req)
    y()


async def module_level():
    # A module-level name of another module bound by unpacking.
    helpers.CLOSE()  # want: ASL102
