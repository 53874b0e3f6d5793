# Library objects that support only `async for`: motor's cursors and change
# streams, aiokafka's consumer, aio-pika's queue and its iterator,
# redis.asyncio's pubsub.listen(). A plain `for` raises TypeError.
import aio_pika
import pymongo
import redis
import redis.asyncio as aredis
from aiokafka import AIOKafkaConsumer
from motor.motor_asyncio import AsyncIOMotorClient
from pymongo import AsyncMongoClient

client = AsyncIOMotorClient("mongodb://localhost")
orders = client.shop.orders


async def pending():
    out = []
    for order in orders.find({"state": "pending"}):  # want: ASL111 "AsyncIOMotorCursor.*only an asynchronous iterable"
        out.append(order)
    cursor = orders.find({}).sort("created").limit(10)
    for order in cursor:  # want: ASL111
        out.append(order)
    ids = [o["_id"] for o in orders.find({})]  # want: ASL111
    async for order in orders.find({"state": "pending"}):
        out.append(order)
    ids = [o["_id"] async for o in orders.find({})]
    for order in await orders.find({}).to_list(None):
        out.append(order)
    for change in orders.watch():  # want: ASL111 "AsyncIOMotorChangeStream"
        out.append(change)
    return out, ids


async def consume():
    consumer = AIOKafkaConsumer("orders", bootstrap_servers="localhost:9092")
    await consumer.start()
    for msg in consumer:  # want: ASL111 "aiokafka.AIOKafkaConsumer"
        print(msg.value)
    async for msg in consumer:
        print(msg.value)
    batch = await consumer.getmany(timeout_ms=100)
    for tp, msgs in batch.items():
        print(tp, msgs)


async def rabbit():
    connection = await aio_pika.connect_robust("amqp://")
    channel = await connection.channel()
    queue = await channel.declare_queue("orders")
    for message in queue:  # want: ASL111
        print(message.body)
    async with queue.iterator() as messages:
        for message in messages:  # want: ASL111 "QueueIterator"
            print(message.body)
        async for message in messages:
            print(message.body)


async def listen():
    r = aredis.Redis()
    pubsub = r.pubsub()
    await pubsub.subscribe("orders")
    for message in pubsub.listen():  # want: ASL111 "a call of `redis.asyncio.client.PubSub.listen`"
        print(message)
    async for message in pubsub.listen():
        print(message)


def sync_clients():
    # redis-py's and PyMongo's synchronous objects iterate with `for`.
    r = redis.Redis()
    pubsub = r.pubsub()
    pubsub.subscribe("orders")
    for message in pubsub.listen():
        print(message)
    for order in pymongo.MongoClient().shop.orders.find({}):
        print(order)


async def pymongo_async():
    # PyMongo's AsyncCursor defines __getitem__: not recorded.
    db = AsyncMongoClient().shop
    for order in db.orders.find({}):
        print(order)
