import asyncio

from legacy import db
from legacy.rpc import client
import vendor.sdk
import legacy.rpc


async def handler(uid):
    rows = db.query("SELECT 1", uid)  # want: ASYNC200 "`db\.query\(\)` blocks the event loop in async function `handler`; run it with `await asyncio\.to_thread"
    client.call("x")  # want: ASYNC200
    legacy.rpc.ping()  # want: ASYNC200
    vendor.sdk.fetch(uid)  # want: ASYNC200
    return rows


async def helper_chain(uid):
    return sync_helper(uid)  # want: ASL201


def sync_helper(uid):
    return db.query("SELECT 1", uid)


# Quiet
async def threaded(uid):
    rows = await asyncio.to_thread(db.query, "SELECT 1", uid)
    db.cheap(uid)
    await vendor.sdk.afetch(uid)
    return rows


def sync_caller(uid):
    return db.query("SELECT 1", uid)
