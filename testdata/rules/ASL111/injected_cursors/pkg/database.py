# The database handle is bound at start-up and handed to routes by FastAPI's
# dependency injection (get_database), as many motor backends do.
import motor.motor_asyncio

client = None
db = None


async def connect_to_mongo(url):
    global client, db
    client = motor.motor_asyncio.AsyncIOMotorClient(url)
    db = client["app"]


async def get_database():
    return db


def get_plain_list():
    return [1, 2, 3]
