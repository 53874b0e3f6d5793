import asyncio


async def ready(conn):
    await asyncio.sleep(0)
    return conn


# A case's guard runs only when its pattern matches: an await in the guard of
# `case 1` is no checkpoint for the subjects that are not 1.
async def guard_on_one_case(conn, op):
    match op:
        case "read" if await ready(conn):
            return conn
        case _:
            return None  # want: ASYNC910


# `case _ if ...:` matches every subject but may still fall through when its
# guard is false; a guard without an await leaves the fall-through unchecked.
async def guarded_fallback(conn, op):  # want: ASYNC910
    match op:
        case "read":
            await ready(conn)
        case _ if conn is not None:
            await ready(conn)


async def no_guard_no_fallback(conn, op):  # want: ASYNC910
    match op:
        case "read" if await ready(conn):
            pass
        case "write":
            await ready(conn)


# Quiet: every path through the match awaits.
async def checkpoint_in_every_guard(conn, op):
    match op:
        case "read" if await ready(conn):
            pass
        case _ if await ready(conn):
            pass


async def guard_then_fallback_body(conn, op):
    match op:
        case "read" if await ready(conn):
            pass
        case _:
            await ready(conn)


async def capture_fallback_guard(conn, op):
    match op:
        case "read":
            await ready(conn)
        case other if await ready(other):
            pass
