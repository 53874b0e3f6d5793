# psycopg 3's AsyncConnection.transaction()/pipeline() and psycopg_pool's
# AsyncConnectionPool.connection() are @asynccontextmanager methods.
import psycopg
from psycopg_pool import AsyncConnectionPool, ConnectionPool

pool = AsyncConnectionPool("dbname=app")


async def transfer(dsn, a, b):
    conn = await psycopg.AsyncConnection.connect(dsn)
    with conn.transaction():  # want: ASL108 "transaction"
        await conn.execute("UPDATE acc SET n = n - 1 WHERE id = %s", (a,))
        await conn.execute("UPDATE acc SET n = n + 1 WHERE id = %s", (b,))


async def count():
    with pool.connection() as conn:  # want: ASL108
        return await (await conn.execute("SELECT count(*) FROM acc")).fetchone()


# Quiet: `async with`, and the sync pool's and connection's own managers.
sync_pool = ConnectionPool("dbname=app")


async def count_ok():
    async with pool.connection() as conn:
        async with conn.transaction():
            return await (await conn.execute("SELECT count(*) FROM acc")).fetchone()


def count_sync():
    with sync_pool.connection() as conn:
        with conn.transaction():
            return conn.execute("SELECT count(*) FROM acc").fetchone()
