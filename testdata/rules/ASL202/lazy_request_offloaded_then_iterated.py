# A lazy library request handed to a thread: PyMongo's `find` builds a
# cursor and dnspython's `xfr` a generator, sending nothing; the thread
# returns the lazy value at once, and the coroutine that iterates what it
# awaited runs the queries (or the zone transfer) on the event loop.
import asyncio

import dns.query
import pymongo

client = pymongo.MongoClient()
items = client.shop.items


async def cursor_from_executor(query):
    loop = asyncio.get_running_loop()
    cursor = await loop.run_in_executor(None, items.find, query)  # want: ASL202 "`items.find` \(pymongo.MongoClient.shop.items.find\) only builds a lazy result in the thread, and `cursor_from_executor` iterates what it returns on the event loop"
    for doc in cursor:
        print(doc)


async def cursor_listed(query):
    cursor = await asyncio.to_thread(items.find, query)  # want: ASL202
    return [doc["_id"] for doc in cursor]


async def transfer_drawn_inline(nameserver, zone):
    for message in await asyncio.to_thread(dns.query.xfr, nameserver, zone):  # want: ASL202 "`dns.query.xfr` only builds a lazy result"
        print(message)


# The nearest correct code: the iteration inside the thread.
def fetch_all(query):
    return list(items.find(query))


async def listed_in_thread(query):
    docs = await asyncio.to_thread(fetch_all, query)
    for doc in docs:
        print(doc)


async def lambda_in_thread(query):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, lambda: list(items.find(query)))


# Quiet: the cursor is handed on, not iterated here.
async def cursor_handed_on(query):
    return await asyncio.to_thread(items.find, query)


# Quiet: a request that is not lazy, run whole in the thread.
async def one_document(query):
    doc = await asyncio.to_thread(items.find_one, query)
    for key in doc:
        print(key)
