# meilisearch-python-sdk's AsyncClient: the client's and its AsyncIndex's
# requests are coroutines; called without await they send nothing.
from meilisearch_python_sdk import AsyncClient

client = AsyncClient("http://localhost:7700", "masterKey")


async def reindex(docs):
    index = client.index("books")
    index.add_documents(docs)  # want: ASL102
    index.update_settings({"filterableAttributes": ["year"]})  # want: ASL102


async def search(query):
    index = client.index("books")
    results = index.search(query)  # want: ASL102
    return results


async def created(docs):
    index = await client.create_index("books", primary_key="id")
    index.delete_all_documents()  # want: ASL102


async def awaited(query):
    # Quiet: every request awaited; index() is local.
    index = client.index("books")
    task = await index.add_documents([{"id": 1}])
    await client.wait_for_task(task.task_uid)
    return await index.search(query)
