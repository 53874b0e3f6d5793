# A coroutine's sqlite3 calls are one finding, at the first: the mistake is
# the synchronous local database on the loop, with one fix for the function
# (ArtikMik/marketbot's handlers: execute, fetchall and commit on the bot's
# database file). Each coroutine gets its own; a server's driver (psycopg2)
# keeps a finding per call that is a round trip.
import sqlite3

import psycopg2

db = sqlite3.connect("shop.db")
cur = db.cursor()


async def db_start():
    cur.execute("CREATE TABLE IF NOT EXISTS items(id INTEGER)")  # want: ASL202 "\(as do its later sqlite3 calls on lines 16, 17: one finding"
    cur.execute("CREATE TABLE IF NOT EXISTS users(id INTEGER)")  # grouped
    db.commit()  # grouped


async def show_item(model):
    cur.execute("SELECT * FROM items WHERE model = ?", (model,))  # want: ASL202 "on line 22: "
    return cur.fetchall()  # grouped


async def one_query():
    return cur.execute("SELECT 1").fetchone()  # want: ASL202 "in async function `one_query`; use an async driver .* `await asyncio.to_thread\(...\)`$"


async def remote(dsn):
    pg = psycopg2.connect(dsn)  # want: ASL202
    pcur = pg.cursor()
    pcur.execute("SELECT 1")  # want: ASL202
    return pcur.fetchall()  # quiet: the client-side cursor holds the rows (client_side_cursor_fetches.py)


async def both(dsn):
    rows = cur.execute("SELECT 2").fetchall()  # want: ASL202 "on line 39"
    pg = psycopg2.connect(dsn)  # want: ASL202
    db.commit()  # grouped
    return rows, pg


def sync_helper():
    cur.execute("SELECT 3")  # quiet: not a coroutine
    db.commit()


# A noqa directive for ASL202 on a call's line keeps meaning what it meant
# when each call was a finding: that call is accepted, and the directive is
# used (no ASL100); the coroutine's other calls are one finding, at the first
# of them.
async def each_call_accepted():
    cur.execute("SELECT 4")  # noqa: ASL202
    rows = cur.fetchall()  # noqa: ASL202
    db.commit()  # noqa: ASL202
    return rows


async def first_call_accepted():
    cur.execute("SELECT 5")  # noqa: ASL202
    rows = cur.fetchall()  # want: ASL202 "on line 62: "
    db.commit()  # grouped
    return rows


async def split_call_accepted():
    cur.execute(
        "SELECT 6",
    )  # noqa: ASL202
    return cur.fetchall()  # want: ASL202 "in async function `split_call_accepted`; use an async driver .* `await asyncio.to_thread\(...\)`$"


async def nothing_to_accept():
    n = len("SELECT 7")  # noqa: ASL202  # want: ASL100
    return n
