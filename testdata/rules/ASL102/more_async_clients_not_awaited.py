# Asyncio clients the library coverage audit added
# (pylib/async_clients_more.go): asyncssh, aiosmtplib, aioftp, aiomysql,
# aiopg, databases, aiomcache, AsyncOpenSearch. A call without await does
# nothing; the awaited calls and the sync twins of the same method names
# (paramiko, smtplib, pymysql, OpenSearch) are not ASL102.
import smtplib

import aioftp
import aiomcache
import aiomysql
import aiopg
import aiosmtplib
import asyncssh
import pymysql
from databases import Database
from opensearchpy import AsyncOpenSearch, OpenSearch

database = Database("postgresql://localhost/app")
search = AsyncOpenSearch(hosts=["localhost"])


async def run_remote(host, cmd):
    async with asyncssh.connect(host) as conn:
        conn.run(cmd)  # want: ASL102 "coroutine"
        result = await conn.run(cmd)
        async with conn.start_sftp_client() as sftp:
            sftp.put("local.txt")  # want: ASL102
            await sftp.get("remote.txt")
    return result


async def mail(message):
    aiosmtplib.send(message, hostname="smtp")  # want: ASL102
    client = aiosmtplib.SMTP(hostname="smtp")
    await client.connect()
    client.send_message(message)  # want: ASL102


def mail_sync(message):
    with smtplib.SMTP("smtp") as s:
        s.send_message(message)


async def upload(path):
    client = aioftp.Client()
    await client.connect("ftp")
    client.upload(path)  # want: ASL102
    await client.quit()


async def mysql_rows(q):
    pool = await aiomysql.create_pool(host="db")
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            cur.execute(q)  # want: ASL102
            await cur.execute(q)
            return await cur.fetchall()


async def mysql_connect(q):
    conn = await aiomysql.connect(host="db")
    cur = await conn.cursor()
    await cur.execute(q)
    conn.commit()  # want: ASL102


def mysql_sync(q):
    conn = pymysql.connect(host="db")
    cur = conn.cursor()
    cur.execute(q)
    conn.commit()


async def pg_rows(q):
    async with aiopg.connect("dbname=app") as conn:
        async with conn.cursor() as cur:
            await cur.execute(q)
            rows = cur.fetchall()  # want: ASL102
            return rows


async def users():
    await database.connect()
    database.execute("DELETE FROM sessions")  # want: ASL102
    return await database.fetch_all("SELECT * FROM users")


async def cached(key):
    mc = aiomcache.Client("localhost")
    mc.set(key, b"1")  # want: ASL102
    return await mc.get(key)


async def index(doc):
    search.index(index="docs", body=doc)  # want: ASL102
    await search.index(index="docs", body=doc)


async def index_sync_client(doc):
    client = OpenSearch(hosts=["localhost"])
    client.index(index="docs", body=doc)  # want: ASL202
