# A function imported by name from a module outside the project
# (`from app.db import get_user`) that the module's coroutines await, called
# once more un-awaited in a coroutine whose code uses the value as the result
# would be: the import names the callee as precisely as a qualified
# attribute call, so the twins count as they do for `x.m(...)`
# (awaited_lone_twin_used_as_result.py). Quiet when the name is bound any
# other way, handed on, called from synchronous code, or the value is thrown
# away with one await elsewhere.
from app.db import get_user, get_plan, load_rows, lookup
from app.cache import fetch_item
from app.util import parse, to_key


async def check_limit(user_id):
    user = get_user(user_id)  # want: ASL102 "its attribute `count` is read on the coroutine object; add `await` \(`get_user\(\)` is awaited at one other place in this module, and used no other way: line 22\)"
    if not user:
        return True
    return user.count < 5


async def start_trial(user_id):
    user = await get_user(user_id)
    return user.trial


async def plan_name(user_id):
    return get_plan(user_id).name  # want: ASL102 "its attribute `name` is read"


async def plan_price(user_id):
    plan = await get_plan(user_id)
    return plan.price


# Quiet: one await elsewhere, the value thrown away.
async def refresh(rows):
    await load_rows(rows)


async def refresh_later(rows):
    load_rows(rows)


# Quiet: the function is handed on (anything may call it).
async def lookup_one(key):
    value = await lookup(key)
    return value.data


async def lookup_two(key, run):
    value = lookup(key)
    run(lookup, key)
    return value.data


# Quiet: called from synchronous code as well (a dual-mode helper).
async def item(key):
    return (await fetch_item(key))["v"]


def item_sync(key):
    return fetch_item(key)["v"]


async def item_loose(key):
    return fetch_item(key)["v"]


# Quiet: a local binding shadows the import.
async def parse_all(text):
    rows = await parse(text)
    return rows[0]


async def parse_local(text, parse):
    rows = parse(text)
    return rows[0]


# Quiet: rebound at module level as well.
async def key_of(x):
    return (await to_key(x)).value


async def key_of_loose(x):
    return to_key(x).value


to_key = str
