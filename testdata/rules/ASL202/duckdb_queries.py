# DuckDB runs each query to completion on the calling thread: execute() and
# the fetch methods of a connection, and the fetch/write methods of a
# relation (sql(), read_parquet() and the other builders only plan). An
# in-memory connection is not exempt (its queries read the files they
# name). The connection is typed from duckdb.connect, never from the method
# name.
import asyncio

import duckdb


async def search(index_path: str, query: str):
    con = duckdb.connect(index_path, read_only=True)
    count = con.execute("SELECT COUNT(*) FROM data WHERE text LIKE ?", [query]).fetchall()  # want: ASL202 "con\.execute\(\.\.\.\)\.fetchall\(\)|con\.execute"
    con.close()
    return count


async def summary(path: str):
    rel = duckdb.sql(f"SELECT * FROM read_parquet('{path}')")
    return rel.df()  # want: ASL202


async def memory_connection(path: str):
    con = duckdb.connect()
    return con.execute(f"SELECT COUNT(*) FROM '{path}'").fetchone()  # want: ASL202


def full_text_search(index_path: str, query: str):
    con = duckdb.connect(index_path, read_only=True)
    rows = con.execute("SELECT * FROM data WHERE text LIKE ?", [query]).arrow()
    con.close()
    return rows


async def endpoint(index_path: str, query: str):
    return full_text_search(index_path, query)  # want: ASL201


# Quiet: the query offloaded to a thread, plain functions, relation
# builders that only plan, and another object's execute.

async def offloaded(index_path: str, query: str):
    return await asyncio.to_thread(full_text_search, index_path, query)


def sync_summary(path: str):
    return duckdb.sql(f"SELECT * FROM '{path}'").fetchall()


async def plan_only(path: str):
    con = duckdb.connect()
    rel = con.read_parquet(path)
    return await asyncio.to_thread(rel.fetchall)


class Runner:
    def execute(self, statement):
        return statement


async def other(runner: Runner):
    return runner.execute("SELECT 1")
