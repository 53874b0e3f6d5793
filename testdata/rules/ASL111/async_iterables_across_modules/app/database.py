import motor.motor_asyncio
import redis.asyncio as aioredis
from aiokafka import AIOKafkaConsumer

client = None
db = None
redis_client = aioredis.from_url("redis://localhost")


async def connect_to_mongo():
    global client, db
    client = motor.motor_asyncio.AsyncIOMotorClient("mongodb://localhost")
    db = client["shop"]


async def get_database():
    if db is None:
        await connect_to_mongo()
    return db


def make_pubsub():
    return redis_client.pubsub()


def make_consumer(topic):
    return AIOKafkaConsumer(topic, bootstrap_servers="localhost:9092")
