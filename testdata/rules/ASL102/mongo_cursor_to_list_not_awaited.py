# A MongoDB cursor's to_list (motor: "Returns a Future"; PyMongo's asyncio API: `async def to_list`)
# reads nothing until awaited; find() and the chaining methods only build the
# cursor (libcov23a). Quiet: awaited, iterated with async for, another class's find/to_list.
from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorDatabase
from pymongo import AsyncMongoClient

client = AsyncIOMotorClient("mongodb://db")
db = client.app


async def recent(user):
    docs = db.events.find({"user": user}).sort("ts", -1).limit(10).to_list(None)  # want: ASL102
    return len(docs)


async def recent_ok(user):
    return await db.events.find({"user": user}).sort("ts", -1).to_list(10)


async def agg(pipeline):
    cursor = db.events.aggregate(pipeline)
    return cursor.to_list(None)  # want: ASL102


async def pm(uri):
    c = AsyncMongoClient(uri)
    coll = c.app.users
    users = coll.find({}).to_list()  # want: ASL102
    cursor = await coll.aggregate([])
    rows = cursor.to_list()  # want: ASL102
    return users, rows


async def pm_ok(uri):
    c = AsyncMongoClient(uri)
    coll = c.app.users
    async for u in coll.find({}):
        print(u)
    return await coll.find({}).to_list(), await (await coll.aggregate([])).to_list()


class Other:
    def find(self, q):
        return self

    def to_list(self, n):
        return []


async def other():
    return Other().find({}).to_list(None)


class Repository:
    # The collection reached through get_collection, the database through an
    # annotation (a FastAPI dependency).
    def __init__(self, userdata_db: AsyncIOMotorDatabase):
        self._coll = userdata_db.get_collection("personal_data")

    async def breakdown(self, pipeline):
        results = self._coll.aggregate(pipeline).to_list(length=None)  # want: ASL102
        return [r["_id"] for r in results]

    async def breakdown_awaited(self, pipeline):
        results = await self._coll.aggregate(pipeline).to_list(length=None)
        return [r["_id"] for r in results]
