import asyncio
import sqlite3

__all__ = ["query", "run_sync", "connect"]


def connect():
    return sqlite3.connect("shop.db")


def query(sql, *args):
    conn = connect()
    return conn.execute(sql, args).fetchall()


async def _ping():
    await asyncio.sleep(0)


def run_sync():
    return asyncio.run(_ping())
