# Beanie's find_one builds a FindOne query that runs only when awaited
# (beanie/odm/queries/find.py): used as the document it is a bug
# (bench/realbugs43's chat service). `User` comes from a module the run does
# not hold; this module imports Beanie.
from beanie import PydanticObjectId
from model.mongo import Conversation, Settings, User

from app.documents import Product


async def create_conversation(creator_id: str):
    creator = User.find_one(User.id == PydanticObjectId(creator_id))  # want: ASL102
    if creator is None:
        raise LookupError(creator_id)
    conversation = Conversation(creator=creator)
    await conversation.insert()
    return conversation


async def by_filter(email):
    user = User.find_one({"email": email})  # want: ASL102
    return user.name


async def price(name):
    product = Product.find_one(Product.name == name)  # want: ASL102
    if not product:
        return 0.0
    return 1.0


# Quiet: awaited, chained into another query, awaited later, or handed on.
async def quiet_awaited(name):
    product = await Product.find_one(Product.name == name)
    return product


async def quiet_chained(name):
    await User.find_one(User.name == name).delete()


async def quiet_later(name):
    query = User.find_one(User.name == name)  # quiet: awaited below
    return await query


async def quiet_handed_on(name):
    return User.find_one(User.name == name)  # quiet: the caller awaits it


async def quiet_not_a_query(key):
    # Not written as a Beanie query (a plain string key).
    value = Settings.find_one(key)
    return value.strip()
