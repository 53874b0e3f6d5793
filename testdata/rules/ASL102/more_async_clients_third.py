# Third batch of the library coverage audit: psycopg 3's async API,
# psycopg_pool's AsyncConnectionPool, aioimaplib, aiocache, Firestore's
# AsyncClient, Azure's aio clients, more AsyncOpenAI resources. A call
# without await does nothing.
import aioimaplib
import psycopg
from aiocache import Cache
from azure.servicebus import ServiceBusMessage
from azure.servicebus.aio import ServiceBusClient
from google.cloud import firestore
from openai import AsyncOpenAI
from psycopg_pool import AsyncConnectionPool

db = firestore.AsyncClient()
cache = Cache(Cache.MEMORY)


async def rows(q):
    async with await psycopg.AsyncConnection.connect("dbname=app") as conn:
        conn.execute(q)  # want: ASL102
        cur = await conn.execute(q)
        return await cur.fetchall()


async def pooled(q):
    pool = AsyncConnectionPool("dbname=app", open=False)
    pool.open()  # want: ASL102
    conn = await pool.getconn()
    cur = conn.cursor()
    await cur.execute(q)
    cur.fetchone()  # want: ASL102


async def mail():
    imap = aioimaplib.IMAP4_SSL("imap.example.com")
    await imap.wait_hello_from_server()
    imap.login("u", "p")  # want: ASL102
    imap.idle_done()


async def cached(key):
    cache.set(key, 1)  # want: ASL102
    return await cache.get(key)


async def save(doc_id, data):
    ref = db.collection("users").document(doc_id)
    ref.set(data)  # want: ASL102
    snap = await ref.get()
    return snap.to_dict()


async def prune(tokens):
    batch = db.batch()
    query = db.collection_group("fcm_tokens").where("token", "in", tokens)
    async for doc in query.stream():
        batch.delete(doc.reference)
    batch.commit()  # want: ASL102


async def prune_awaited(tokens):
    # Quiet: the async batch's commit, awaited; delete() only records a write.
    batch = db.batch()
    async for doc in db.collection_group("fcm_tokens").where("token", "in", tokens).stream():
        batch.delete(doc.reference)
    await batch.commit()


async def enqueue(body):
    async with ServiceBusClient.from_connection_string("Endpoint=sb://x") as sb:
        sender = sb.get_queue_sender("jobs")
        sender.send_messages(ServiceBusMessage(body))  # want: ASL102


async def upload(f):
    client = AsyncOpenAI()
    client.files.create(file=f, purpose="batch")  # want: ASL102


# Fourth batch: StripeClient's `_async` methods and Google Cloud's
# `*AsyncClient`s.
from google.cloud import secretmanager
from stripe import StripeClient


async def refund(charge):
    client = StripeClient("sk")
    client.refunds.create_async(params={"charge": charge})  # want: ASL102


async def secret(name):
    client = secretmanager.SecretManagerServiceAsyncClient()
    resp = client.access_secret_version(name=name)  # want: ASL102
    return resp.payload
