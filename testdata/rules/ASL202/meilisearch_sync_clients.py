# Meilisearch's synchronous clients: the official `meilisearch` package
# (requests underneath) and meilisearch-python-sdk's Client. Every index
# call is an HTTP round trip; `client.index(uid)` only builds the index.
# The SDK's AsyncClient awaited, a thread, and synchronous code are fine.
import asyncio

import meilisearch
from meilisearch_python_sdk import AsyncClient, Client


class SearchService:
    def __init__(self):
        self.client = meilisearch.Client("http://localhost:7700", "masterKey")
        self.index = self.client.index("articles")

    async def search(self, query):
        results = self.index.search(query, {"limit": 5})  # want: ASL202 "\(meilisearch\.index\.Index\.search\) blocks the event loop in async function `search`"
        return results["hits"]

    async def bump(self, doc_id, count):
        self.index.update_documents([{"id": doc_id, "view_count": count}])  # want: ASL202 "meilisearch\.index\.Index\.update_documents"

    async def search_in_thread(self, query):
        # Quiet: handed to a thread.
        return await asyncio.to_thread(self.index.search, query)

    def search_sync(self, query):
        # Quiet: synchronous code may block.
        return self.index.search(query)["hits"]


async def fetched_index(uid):
    client = meilisearch.Client("http://localhost:7700")
    index = client.get_index(uid)  # want: ASL202 "meilisearch\.Client\.get_index"
    return index.get_stats()  # want: ASL202 "meilisearch\.index\.Index\.get_stats"


async def sdk_sync_client(docs):
    client = Client("http://localhost:7700", "masterKey")
    index = client.index("books")
    index.add_documents(docs)  # want: ASL202 "meilisearch_python_sdk\.index\.Index\.add_documents"


async def sdk_async_client(docs):
    # Quiet: the SDK's AsyncClient, awaited.
    async with AsyncClient("http://localhost:7700", "masterKey") as client:
        index = client.index("books")
        task = await index.add_documents(docs)
        await client.wait_for_task(task.task_uid)
        return await index.search("dune")


async def index_only():
    # Quiet: index() makes no request.
    client = meilisearch.Client("http://localhost:7700")
    return client.index("articles")
