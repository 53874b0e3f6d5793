# Tortoise ORM's Tortoise.init, generate_schemas and close_connections are
# `async def` classmethods: without await nothing is connected and no table
# is created.
import asyncio

from tortoise import Tortoise, run_async

CONFIG = {"connections": {"default": "sqlite://db.sqlite3"}, "apps": {}}


def build_app():
    Tortoise.init(config=CONFIG)  # want: ASL102
    Tortoise.generate_schemas()  # want: ASL102


async def init():
    await Tortoise.init(db_url="sqlite://data.db", modules={"models": ["__main__"]})
    Tortoise.generate_schemas()  # want: ASL102


async def shutdown():
    Tortoise.close_connections()  # want: ASL102


# Quiet: awaited, run by a loop runner, or scheduled.
async def setup():
    await Tortoise.init(config=CONFIG)
    await Tortoise.generate_schemas(safe=True)


async def teardown():
    await Tortoise.close_connections()


def main():
    run_async(setup())
    asyncio.run(Tortoise.init(config=CONFIG))


async def background():
    task = asyncio.create_task(Tortoise.generate_schemas())
    await task


# A project class of the same name is its own.
class Connections:
    def init(self, config):
        return config


def configure():
    Connections().init(CONFIG)
