# A coroutine returned from an async function inside a dict record (a
# string-keyed entry of the dict it returns): awaiting the function gives the
# record with a coroutine object where the result should be, which a web
# framework then tries to serialise.
import asyncio


async def get_sessions(limit=50):
    await asyncio.sleep(0)
    return []


async def list_sessions(limit: int = 50):
    return {"sessions": get_sessions(limit=limit)}  # want: ASL102 "returned un-awaited from async function `list_sessions` as the value of key \"sessions\" of a dict"


async def list_sessions_parenthesised(limit: int = 50):
    return ({"count": limit, "sessions": (get_sessions(limit=limit))})  # want: ASL102 "key \"sessions\""


async def record_in_a_local(limit: int = 50):
    body = {"sessions": get_sessions(limit=limit), "limit": limit}  # want: ASL102 "it is put in `body` under key 'sessions', and `body` is returned from async function `record_in_a_local`"
    return body


async def record_item_set(limit: int = 50):
    body = {}
    body["sessions"] = get_sessions(limit=limit)  # want: ASL102 "under key 'sessions'"
    return body


# Quiet: awaited; a list or a comprehension of coroutines (a batch the caller
# may gather); keys that are not constants; a nested dict; a sync function's
# record; the item replaced by its result, or the coroutines gathered, before
# the record is returned.
async def awaited(limit: int = 50):
    return {"sessions": await get_sessions(limit=limit)}


async def batch():
    return [get_sessions(), get_sessions()]


async def keyed_by_name(names):
    return {name: get_sessions() for name in names}


async def computed_key(kind):
    return {kind: get_sessions(), f"{kind}_old": get_sessions(limit=1)}


async def nested():
    return {"outer": {"inner": get_sessions()}}


def sync_record():
    return {"sessions": get_sessions()}


async def replaced(limit: int = 50):
    body = {"sessions": get_sessions(limit=limit)}
    body["sessions"] = await body["sessions"]
    return body


async def gathered_first():
    jobs = {"a": get_sessions(), "b": get_sessions()}
    await asyncio.gather(*jobs.values())
    return jobs
