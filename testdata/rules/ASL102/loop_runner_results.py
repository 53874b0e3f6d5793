# asyncio.run(coro) and loop.run_until_complete(coro) return what awaiting
# coro gives: an asyncpg pool made that way has coroutine methods.
import asyncio

import asyncpg


class Database:
    def __init__(self, loop, dsn):
        self.pool = loop.run_until_complete(asyncpg.create_pool(dsn))

    async def is_registered(self, user_id):
        row = self.pool.fetchrow("SELECT 1 FROM users WHERE id = $1", user_id)  # want: ASL102 "used as a condition"
        if row:
            return True
        return False

    async def add_user(self, user_id):
        self.pool.execute("INSERT INTO users VALUES ($1)", user_id)  # want: ASL102


def fetch_names(dsn):
    conn = asyncio.run(asyncpg.connect(dsn))
    rows = conn.fetch("SELECT name FROM users")  # want: ASL102
    return [r["name"] for r in rows]


# Quiet: awaited, or run by the loop.
class Store:
    def __init__(self, dsn):
        self.loop = asyncio.new_event_loop()
        self.pool = self.loop.run_until_complete(asyncpg.create_pool(dsn))

    async def count(self):
        return await self.pool.fetchval("SELECT count(*) FROM users")

    def count_sync(self):
        return self.loop.run_until_complete(self.pool.fetchval("SELECT count(*) FROM users"))


# A project method of the same name returns its own value.
class Runner:
    def run_until_complete(self, value):
        return value


def plain(dsn):
    pool = Runner().run_until_complete(dsn)
    return pool.fetchrow("x")
