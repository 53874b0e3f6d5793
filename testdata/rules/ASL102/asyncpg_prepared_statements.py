# asyncpg: awaiting a connection's prepare() gives a PreparedStatement,
# whose fetch, fetchrow, fetchval and executemany are coroutines.
import asyncpg

Pool = None


async def init(dsn):
    global Pool
    Pool = await asyncpg.create_pool(dsn=dsn)


async def get_by_attribute(table, column, value):
    async with Pool.acquire() as conn:
        stmt = await conn.prepare(f"SELECT * FROM {table} WHERE {column} = $1")
        results = stmt.fetch(value)  # want: ASL102
        return [dict(r) for r in results]


async def count_rows(conn: asyncpg.Connection, table):
    stmt = await conn.prepare(f"SELECT count(*) FROM {table}")
    stmt.fetchval()  # want: ASL102
    return await stmt.fetchval()


# Quiet: awaited, or a synchronous accessor.
async def names(conn: asyncpg.Connection):
    stmt = await conn.prepare("SELECT name FROM users WHERE id = $1")
    print(stmt.get_query(), stmt.get_parameters())
    row = await stmt.fetchrow(1)
    await stmt.executemany([(1,), (2,)])
    return row["name"]
