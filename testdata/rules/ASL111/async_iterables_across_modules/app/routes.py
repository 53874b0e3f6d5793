from fastapi import APIRouter, Depends

from app import database
from app.database import get_database, make_consumer, make_pubsub, redis_client

router = APIRouter()


# The motor database FastAPI injects from another module's dependency: a
# plain `for` over its cursor raises TypeError.
@router.get("/comments")
async def get_comments(page: int = 1, db=Depends(get_database)):
    collection = db["comments"]
    cursor = collection.find({}).sort("fetch_time", -1).skip((page - 1) * 20).limit(20)
    comments = []
    for doc in cursor:  # want: ASL111 "`cursor` \(a `motor.motor_asyncio.AsyncIOMotorCursor`\) is only an asynchronous iterable"
        comments.append(doc)
    return comments


# The same database read from the other module's global.
async def export_comments():
    return [doc for doc in database.db["comments"].find({})]  # want: ASL111


# What another module's function returns: a redis.asyncio PubSub and an
# aiokafka consumer.
async def relay():
    pubsub = make_pubsub()
    await pubsub.subscribe("events")
    for message in pubsub.listen():  # want: ASL111 "a call of `redis.asyncio.client.PubSub.listen`"
        print(message)


async def consume():
    consumer = make_consumer("orders")
    await consumer.start()
    for record in consumer:  # want: ASL111
        print(record.value)


async def direct_pubsub():
    pubsub = redis_client.pubsub()
    for message in pubsub.listen():  # want: ASL111
        print(message)


# Quiet: `async for`, an awaited to_list, the consumer's getmany dict.
@router.get("/fixed")
async def get_comments_fixed(db=Depends(get_database)):
    cursor = db["comments"].find({}).limit(20)
    docs = await cursor.to_list(length=20)
    for doc in docs:
        doc["_id"] = str(doc["_id"])
    async for doc in db["comments"].find({}):
        docs.append(doc)
    return docs


async def relay_fixed():
    pubsub = make_pubsub()
    await pubsub.subscribe("events")
    async for message in pubsub.listen():
        print(message)
    consumer = make_consumer("orders")
    await consumer.start()
    batches = await consumer.getmany(timeout_ms=100)
    for partition, records in batches.items():
        for record in records:
            print(partition, record.value)
    async for record in consumer:
        print(record.value)
