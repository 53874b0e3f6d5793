# PyMongo's asyncio API, and items of motor/PyMongo clients and databases
# (client["shop"]["users"]) reached by subscript as well as by attribute.
import motor.motor_asyncio
import pymongo
from pymongo import AsyncMongoClient, MongoClient


async def report(name: str) -> None:
    client = AsyncMongoClient("mongodb://localhost")
    db = client["shop"]
    db.users.find_one({"name": name})  # want: ASL102 "coroutine `db.users.find_one\(\)` is never awaited"
    async for row in db["orders"].aggregate([]):  # want: ASL102 "iterated with `async for`"
        print(row)
    client["shop"].list_collection_names()  # want: ASL102
    client.close()  # want: ASL102


async def report_ok(name: str) -> None:
    # Quiet: awaited; aggregate's cursor awaited before iterating; find
    # returns its cursor at once; sync PyMongo.
    client = pymongo.AsyncMongoClient("mongodb://localhost")
    db = client["shop"]
    await db.users.find_one({"name": name})
    async for row in await db["orders"].aggregate([]):
        print(row)
    async for row in db.users.find({}):
        print(row)
    await client.close()
    sync = MongoClient("mongodb://localhost")
    sync["shop"].users.find_one({})
    sync.close()


async def motor_items(name: str) -> None:
    client = motor.motor_asyncio.AsyncIOMotorClient("mongodb://localhost")
    client["shop"]["users"].find_one({"name": name})  # want: ASL102
    # Quiet: motor's aggregate returns its cursor at once.
    async for row in client["shop"]["orders"].aggregate([]):
        print(row)
