# aiosqlite's connect() returns a Connection with __await__ and
# __aenter__/__aexit__ and no __enter__; its execute*()/cursor() return a
# Result with __await__ and __aenter__/__aexit__ only; a Cursor has
# __aenter__/__aexit__ only (aiosqlite/core.py, context.py, cursor.py).
# asyncpg's create_pool() and Pool.acquire() are awaitable asynchronous
# context managers, Connection.transaction() an asynchronous one only
# (asyncpg/pool.py, transaction.py). A plain `with` on any of them raises;
# ASL102 does not also say "add await": `with await x` fails as well.
import sqlite3

import aiosqlite
import asyncpg


async def get_user(user_id):
    try:
        with aiosqlite.connect("data/db.sqlite3") as db:  # want: ASL108 "\(aiosqlite.connect\) supports only `async with`"
            user = await db.execute("SELECT * FROM users WHERE id = ?", (user_id,))
            return await user.fetchone()
    except Exception:
        return None


async def start(path, election_id):
    async with aiosqlite.connect(path) as db:
        with db.execute("SELECT 1 WHERE ? = ?", (election_id, election_id)) as cursor:  # want: ASL108 "aiosqlite.Connection.execute"
            return await cursor.fetchone()


async def held(path):
    db = await aiosqlite.connect(path)
    with db:  # want: ASL108 "\(aiosqlite.Connection\)"
        db.commit()  # want: ASL102
    await db.close()


async def pooled(dsn):
    pool = await asyncpg.create_pool(dsn)
    with pool.acquire() as conn:  # want: ASL108 "asyncpg.Pool.acquire"
        await conn.execute("SELECT 1")


async def transactional(dsn):
    conn = await asyncpg.connect(dsn)
    with conn.transaction():  # want: ASL108 "asyncpg.Connection.transaction"
        await conn.execute("SELECT 1")
    await conn.close()


# Quiet: the asynchronous forms, and the standard library's sqlite3, whose
# connection is a plain context manager (a transaction).
async def quiet(path, dsn):
    async with aiosqlite.connect(path) as db:
        async with db.execute("SELECT 1") as cursor:
            await cursor.fetchone()
        await db.commit()
    pool = await asyncpg.create_pool(dsn)
    async with pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute("SELECT 1")
    async with asyncpg.create_pool(dsn) as pool2:
        await pool2.execute("SELECT 1")


def sync_sqlite(path):
    with sqlite3.connect(path) as db:
        db.execute("SELECT 1")


# Tortoise ORM's in_transaction() gives a TransactionContext, which has only
# __aenter__/__aexit__ (tortoise/backends/base/client.py); a project helper
# of the same name is not it.
from tortoise.transactions import in_transaction


async def populate(rows):
    with in_transaction() as connection:  # want: ASL108 "tortoise.transactions.in_transaction"
        for row in rows:
            await connection.execute_query("INSERT INTO t VALUES (?)", [row])
    async with in_transaction() as connection:
        await connection.execute_query("SELECT 1")


def local_helper():
    from contextlib import contextmanager

    @contextmanager
    def in_transaction():
        yield None

    with in_transaction():
        pass


# `with await x` on such an awaitable (the form ASL102's "add await" used
# to suggest): what the await gives (aiosqlite's Connection, asyncpg's
# Pool) supports only `async with` too. Awaiting a pool's acquire() gives a
# Connection, which is no context manager of either kind: not this rule's.
async def awaited_first(path, dsn):
    with await aiosqlite.connect(path) as db:  # want: ASL108 "\(aiosqlite.Connection\) supports only `async with`"
        await db.execute("SELECT 1")
    with (await asyncpg.create_pool(dsn)) as pool:  # want: ASL108 "\(asyncpg.Pool\) supports only `async with`"
        await pool.execute("SELECT 1")
    pool = await asyncpg.create_pool(dsn)
    conn = await pool.acquire()
    await conn.execute("SELECT 1")
