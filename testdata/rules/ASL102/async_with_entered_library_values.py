import aiosqlite
import asyncpg

# A library API that is awaited or entered alike: `async with X as name`
# binds what `await X` gives (the tables' awaited result).
conn_pool = None


async def init_pool() -> None:
    global conn_pool
    conn_pool = await asyncpg.create_pool("postgresql://db")


async def table_details(table: int) -> dict:
    async with conn_pool.acquire() as conn:
        queue = conn.fetch("SELECT 1 WHERE t = $1", table)  # want: ASL102 "coroutine `conn.fetch\(\)` is never awaited: it is stored in `queue` and passed to `enumerate\(\)`"
    return {i: row["username"] for i, row in enumerate(queue)}


async def remove(pool: asyncpg.Pool, user: str) -> None:
    async with pool.acquire() as conn:
        conn.execute("DELETE FROM q WHERE u = $1", user)  # want: ASL102 "coroutine `conn.execute\(\)` is never awaited: its result is discarded"


async def count(path: str) -> int:
    async with aiosqlite.connect(path) as db:
        db.commit()  # want: ASL102 "coroutine `db.commit\(\)` is never awaited"
        cursor = await db.execute("SELECT count(*) FROM t")
        row = await cursor.fetchone()
    return row[0]


# Quiet: awaited on the entered value.
async def table_details_awaited(table: int) -> dict:
    async with conn_pool.acquire() as conn:
        queue = await conn.fetch("SELECT 1 WHERE t = $1", table)
    return {i: row["username"] for i, row in enumerate(queue)}


# Quiet: a plain (synchronous) `with` is not an await: the name is the value
# itself, and a sync context manager of the project types nothing here.
class Recorder:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def fetch(self, query):
        return [query]


def record(query: str) -> list:
    with Recorder() as rec:
        rows = rec.fetch(query)
    return [r for r in rows]


# Quiet: a project async context manager keeps its own type.
class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def rows(self):
        return [1, 2]


async def use_session() -> list:
    async with Session() as s:
        rows = s.rows()
    return [r for r in rows]
