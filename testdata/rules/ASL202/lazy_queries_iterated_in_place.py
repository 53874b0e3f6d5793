# A lazy query sends nothing when it is called: PyMongo's find() returns a
# Cursor that queries on its first iteration, the Kubernetes DynamicClient's
# watch() is a generator over the HTTP stream. It blocks where its value is
# iterated in place, and only there.
import asyncio

from kubernetes import dynamic
from pymongo import MongoClient

db = MongoClient("mongodb://localhost").get_database("users_db")


async def members(guild_id, user_id):
    server = db[str(guild_id)]
    if len(list(server.find({"id": user_id}))) == 0:  # want: ASL202 "AsyncMongoClient"
        return []
    names = [d["name"] for d in server.find({})]  # want: ASL202
    for doc in db.events.find({"guild": guild_id}):  # want: ASL202
        names.append(doc["id"])
    return names


async def events(client: dynamic.DynamicClient, api, queue):
    for e in client.watch(api, namespace="default"):  # want: ASL202 "kubernetes_asyncio"
        await queue.put(e)


# Quiet: the cursor is only built here, and iterated in a thread.
async def cursor_for_later(guild_id):
    cursor = db[str(guild_id)].find({})
    rows = await asyncio.to_thread(list, db.events.find({}))
    return cursor, rows


# Quiet: a plain function runs wherever its caller runs it.
def sync_members(guild_id):
    return list(db[str(guild_id)].find({}))
