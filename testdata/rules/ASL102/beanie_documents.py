from beanie import Document, init_beanie
from motor.motor_asyncio import AsyncIOMotorClient


class Cocktail(Document):
    name: str


async def startup(url: str) -> None:
    client = AsyncIOMotorClient(url)
    init_beanie(client.get_default_database(), document_models=[Cocktail])  # want: ASL102 "coroutine `init_beanie\(\)` is never awaited"
    await init_beanie(client.get_default_database(), document_models=[Cocktail])


async def add(name: str) -> Cocktail:
    drink = Cocktail(name=name)
    drink.insert()  # want: ASL102 "coroutine `drink.insert\(\)` is never awaited"
    await drink.save()
    found = Cocktail.get("id")  # want: ASL102 "coroutine `Cocktail.get\(\)` is never awaited"
    print(found)
    # Quiet: awaited, and find()/find_one() build queries (awaited or chained).
    await Cocktail.insert_many([drink])
    query = Cocktail.find(Cocktail.name == name)
    first = await Cocktail.find_one(Cocktail.name == name)
    print(query, first)
    return drink
