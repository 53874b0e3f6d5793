# Chroma's chromadb.AsyncHttpClient is an async factory: the client exists
# only once the call is awaited (Chroma docs: `client = await
# chromadb.AsyncHttpClient()`), and the awaited client's and its
# collections' methods are coroutines.
import chromadb
from chromadb.api import AsyncClientAPI


class Store:
    def __init__(self, host):
        self._client = chromadb.AsyncHttpClient(host=host, port=8000)  # want: ASL102

    async def add(self, doc_id, text):
        collection = await self._client.get_or_create_collection("docs")
        await collection.add(ids=[doc_id], documents=[text])


class LazyStore:
    def __init__(self, host):
        self._host = host
        self._client = None

    async def _get_client(self):
        if self._client is None:
            self._client = await chromadb.AsyncHttpClient(host=self._host, port=8000)
        return self._client

    async def add(self, doc_id, text):
        client = await self._get_client()
        collection = await client.get_or_create_collection("docs")
        await collection.add(ids=[doc_id], documents=[text])


async def search(text):
    client = await chromadb.AsyncHttpClient()
    collection = client.get_collection("docs")  # want: ASL102
    return collection.query(query_texts=[text])


async def search_awaited(text):
    client = await chromadb.AsyncHttpClient()
    collection = await client.get_collection("docs")
    return await collection.query(query_texts=[text], n_results=3)


async def drop(client: AsyncClientAPI, name):
    client.delete_collection(name)  # want: ASL102


async def drop_awaited(client: AsyncClientAPI, name):
    await client.delete_collection(name)


async def add_unawaited(text):
    client = await chromadb.AsyncHttpClient()
    collection = await client.get_or_create_collection("docs")
    collection.add(ids=["1"], documents=[text])  # want: ASL102


def sync_client(host):
    # The synchronous client is a plain function and stays out of ASL102.
    client = chromadb.HttpClient(host=host)
    return client.heartbeat()
