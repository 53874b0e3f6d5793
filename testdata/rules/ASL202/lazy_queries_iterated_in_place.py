# A lazy query sends nothing when it is called: PyMongo's find() returns a
# Cursor that queries on its first iteration, the Kubernetes DynamicClient's
# watch() is a generator over the HTTP stream. It blocks where its value is
# iterated in place, and only there.
import asyncio

import paramiko
from kubernetes import dynamic
from pymongo import MongoClient

db = MongoClient("mongodb://localhost").get_database("users_db")


async def members(guild_id, user_id):
    server = db[str(guild_id)]
    if len(list(server.find({"id": user_id}))) == 0:  # want: ASL202 "AsyncMongoClient.*\(and 1 more call in `members`: line 18\)"
        return []
    names = [d["name"] for d in server.find({})]  # reported: named by line 16's finding
    for doc in db.events.find({"guild": guild_id}):  # want: ASL202
        names.append(doc["id"])
    # Only the query sent at the call moves to a thread in the unsafe fix;
    # a lazy one has none (its iteration, the requests, would stay here).
    owner = db.guilds.find_one({"id": guild_id})  # want: ASL202
    return names, owner


async def events(client: dynamic.DynamicClient, api, queue):
    for e in client.watch(api, namespace="default"):  # want: ASL202 "kubernetes_asyncio"
        await queue.put(e)


async def remote_logs(host):
    client = paramiko.SSHClient()
    sftp = client.open_sftp()  # want: ASL202
    names = [a.filename for a in sftp.listdir_iter("/var/log")]  # want: ASL202 "asyncssh"
    later = sftp.listdir_iter("/tmp")
    return names, await asyncio.to_thread(list, later)


async def vault(guild_id, user_id):
    stats = db[str(guild_id)].find({"id": user_id})  # want: ASL202
    return list(stats)[-1]["credits"]


# Quiet: the cursor is only built here, and iterated in a thread.
async def cursor_for_later(guild_id):
    cursor = db[str(guild_id)].find({})
    rows = await asyncio.to_thread(list, db.events.find({}))
    later = db.events.find({"late": True})
    kept = await asyncio.to_thread(list, later)
    return cursor, rows, kept


# Quiet: a plain function runs wherever its caller runs it.
def sync_members(guild_id):
    return list(db[str(guild_id)].find({}))
