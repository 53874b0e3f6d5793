# A collection taken by subscript from a pymongo database that a class of
# another module holds (`mongo.database[name]`) is a pymongo collection,
# whatever the key: its queries are round trips to the server.
from app.storage import MongoDatabase

mongo = MongoDatabase("mongodb://localhost")


async def schedule(name):
    collection = mongo.database[f"schedule_{name}"]
    return collection.find_one({"name": name})  # want: ASL202 "\(pymongo\.MongoClient\.crawler\.item\.find_one\)"


async def log_run(name, run):
    mongo.database[name].insert_one(run)  # want: ASL202


async def by_client(db_name, name):
    db = mongo.client[db_name]
    return db[name].count_documents({})  # want: ASL202


# Quiet: an item of a plain dict the class holds is not a collection.
async def recent(name):
    return mongo.caches["recent"].get(name)


# Quiet: offloaded.
async def offloaded(name):
    import asyncio

    collection = mongo.database[name]
    return await asyncio.to_thread(collection.find_one, {"name": name})
