import asyncio


async def ready(conn):
    await asyncio.sleep(0)
    return conn


# A case's guard runs only when its pattern matches: the await in the guard of
# `case "read"` is no checkpoint before the yield for other subjects.
async def yield_after_refutable_guard(conn, op):
    match op:
        case "read" if await ready(conn):
            pass
        case _:
            pass
    yield conn  # want: ASYNC911
    await ready(conn)
    await ready(conn)


# Quiet: a guard of `case _` that awaits has run on every path past the match
# (its pattern matches everything), whether the guard held or not.
async def yield_after_checkpointing_guards(conn, op):
    match op:
        case "read" if await ready(conn):
            pass
        case _ if await ready(conn):
            pass
    yield conn
    await ready(conn)


# A yield in the guard of a case that may not match: when the pattern matches
# and the guard's value is false, the next case runs after that yield, with
# no checkpoint since it, though the subjects the pattern does not match
# reach it after the await before the match.
async def yield_in_refutable_guard(conn, op):
    await ready(conn)
    match op:
        case "read" if (yield conn):
            await ready(conn)
        case _:
            pass
    yield conn  # want: ASYNC911
    await ready(conn)


# Quiet: every case after the guard's yield awaits.
async def yield_in_guard_then_checkpoint(conn, op):
    await ready(conn)
    match op:
        case "read" if (yield conn):
            await ready(conn)
        case _:
            await ready(conn)
    yield conn
    await ready(conn)
