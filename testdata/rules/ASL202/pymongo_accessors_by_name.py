# PyMongo's accessors by name return the same Database and Collection objects
# as attribute and item access; the requests are made by what they return.
import asyncio

from pymongo import MongoClient

client = MongoClient("mongodb://localhost")
db = client.get_database("users_db")
default_db = client.get_default_database()


async def on_message(guild_id):
    if str(guild_id) not in db.list_collection_names():  # want: ASL202 "AsyncMongoClient"
        db[str(guild_id)].insert_one({"server_id": guild_id})  # want: ASL202
    default_db.get_collection("events").insert_one({"guild": guild_id})  # want: ASL202


async def member(guild_id, user_id):
    servers = db.get_collection(str(guild_id))
    return servers.find_one({"id": user_id})  # want: ASL202


# Quiet: the accessors themselves make no request, and an offloaded call
# does not run on the loop.
async def handles(name):
    database = client.get_database(name)
    collection = database.get_collection("users")
    return await asyncio.to_thread(collection.find_one, {"name": name})


# Quiet: a plain function runs wherever its caller runs it.
def sync_names():
    return db.list_collection_names()
