# A chain of blocking calls of one family is one mistake: it is reported
# once, at the outermost call, whose fix runs the whole chain in a thread.
# Calls of different families in one chain keep a finding each, under the
# code flake8-async users silence.
import sqlite3


async def version(path):
    return sqlite3.connect(path).execute("select sqlite_version()").fetchone()  # want: ASL202 "\(sqlite3\.Cursor\.fetchone\)"


async def rows(conn: sqlite3.Connection):
    return conn.execute("select 1").fetchall()  # want: ASL202 "\(sqlite3\.Cursor\.fetchall\)"


async def two_statements(path):
    conn = sqlite3.connect(path)  # want: ASL202
    return conn.execute("select 1")  # grouped with the connect() above


async def read_config(path):
    return open(path).read()  # want: ASYNC230 "`open\(\)` and the file's `\.read\(\)` block"
