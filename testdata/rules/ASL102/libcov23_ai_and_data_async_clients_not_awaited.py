# Coroutine methods of the AI, agent and data libraries the twenty-third
# session's library audit added (docs/pylib-coverage.md, libcov23a): a call
# without await sends nothing. Quiet: awaited, and same-named methods of
# other objects.
import dspy
import lancedb
import voyageai
from aredis_om import HashModel, Migrator
from e2b import AsyncSandbox
from e2b_code_interpreter import AsyncSandbox as AsyncCodeSandbox
from firecrawl import AsyncFirecrawl, AsyncFirecrawlApp
from haystack import AsyncPipeline
from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from langgraph_sdk import get_client
from mem0 import AsyncMemory, AsyncMemoryClient
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction
from pinecone import PineconeAsyncio


async def scrape(url):
    app = AsyncFirecrawlApp(api_key="fc-key")
    result = app.scrape_url(url)  # want: ASL102
    return result.markdown


class Crawler:
    def __init__(self):
        self.client = AsyncFirecrawl(api_key="fc-key")

    async def crawl(self, url):
        self.client.start_crawl(url)  # want: ASL102
        return await self.client.crawl(url=url)


async def sandbox_run(code):
    sandbox = await AsyncSandbox.create()
    sandbox.files.write("/tmp/a.py", code)  # want: ASL102
    execution = sandbox.commands.run("python /tmp/a.py")  # want: ASL102
    sandbox.kill()  # want: ASL102
    return execution


async def sandbox_create_not_awaited():
    sandbox = AsyncSandbox.create()  # want: ASL102
    return sandbox


async def interpret(code):
    sandbox = await AsyncCodeSandbox.create()
    execution = sandbox.run_code(code)  # want: ASL102
    return execution.text


async def people(uri):
    driver = AsyncGraphDatabase.driver(uri, auth=("neo4j", "pw"))
    async with driver.session() as session:
        result = await session.run("MATCH (p:Person) RETURN p.name AS name")
        record = result.single()  # want: ASL102
        return record["name"]


async def people_in_tx(tx: AsyncManagedTransaction):
    result = await tx.run("MATCH (p:Person) RETURN p")
    return result.data()  # want: ASL102


async def pinecone_query(vector):
    async with PineconeAsyncio(api_key="pc") as pc:
        pc.create_index(name="docs", dimension=3)  # want: ASL102
        async with pc.IndexAsyncio(host="host") as index:
            index.upsert(vectors=[("a", vector)])  # want: ASL102
            return await index.query(vector=vector, top_k=3)


async def answer(question):
    pipeline = AsyncPipeline()
    result = pipeline.run_async({"prompt": {"question": question}})  # want: ASL102
    return result["llm"]["replies"][0]


async def graph_memory(uri):
    async with AsyncPostgresSaver.from_conn_string(uri) as saver:
        saver.setup()  # want: ASL102
        return await saver.aget_tuple({"configurable": {"thread_id": "1"}})


async def remote_graph():
    client = get_client(url="http://localhost:2024")
    thread = client.threads.create()  # want: ASL102
    return await client.runs.wait(thread["thread_id"], "agent", input={})


class Customer(HashModel):
    name: str


async def save_customer(name):
    customer = Customer(name=name)
    customer.save()  # want: ASL102
    found = Customer.find(Customer.name == name).all()  # want: ASL102
    Migrator().run()  # want: ASL102
    return found


async def remember(messages):
    memory = AsyncMemory()
    memory.add(messages, user_id="alice")  # want: ASL102
    client = AsyncMemoryClient()
    return await client.search("sports", user_id="alice")


async def embed(texts):
    vo = voyageai.AsyncClient()
    result = vo.embed(texts, model="voyage-3")  # want: ASL102
    return result.embeddings


class RAG(dspy.Module):
    def forward(self, question):
        return question


async def ask(question):
    rag = RAG()
    prediction = rag.acall(question=question)  # want: ASL102
    return prediction.answer


async def vectors(uri, rows):
    db = await lancedb.connect_async(uri)
    table = await db.open_table("docs")
    table.add(rows)  # want: ASL102
    return db.table_names()  # want: ASL102


# Quiet: awaited.
async def scrape_awaited(url):
    app = AsyncFirecrawlApp(api_key="fc-key")
    return (await app.scrape_url(url)).markdown


async def sandbox_awaited(code):
    async with await AsyncSandbox.create() as sandbox:
        await sandbox.files.write("/tmp/a.py", code)
        return await sandbox.commands.run("python /tmp/a.py")


async def people_awaited(uri):
    driver = AsyncGraphDatabase.driver(uri, auth=("neo4j", "pw"))
    async with driver.session() as session:
        result = await session.run("MATCH (p:Person) RETURN p.name AS name")
        keys = result.keys()
        record = await result.single()
        return keys, record["name"]


async def save_awaited(name):
    customer = Customer(name=name)
    await customer.save()
    return await Customer.find(Customer.name == name).all()


async def remember_awaited(messages):
    await AsyncMemory().add(messages, user_id="alice")


async def vectors_awaited(uri, rows):
    db = await lancedb.connect_async(uri)
    table = await db.create_table("docs", data=rows)
    await table.add(rows)
    return await table.count_rows()


async def ask_awaited(question):
    return (await RAG().acall(question=question)).answer


# Quiet: same-named methods of other objects.
class Notes:
    def add(self, item, user_id=None):
        return item

    def run(self, command):
        return command

    def single(self):
        return 1


async def others():
    Notes().add("x", user_id="alice")
    Notes().run("ls")
    Notes().single()


# LangChain vector stores and retrievers; Crawl4AI.
from crawl4ai import AsyncWebCrawler
from langchain_qdrant import QdrantVectorStore


async def retrieve(client, embeddings, question):
    store = QdrantVectorStore(client=client, collection_name="docs", embedding=embeddings)
    docs = store.asimilarity_search(question)  # want: ASL102
    retriever = store.as_retriever()
    found = retriever.ainvoke(question)  # want: ASL102
    return [d.page_content for d in docs], found


async def crawl(url):
    async with AsyncWebCrawler() as crawler:
        result = crawler.arun(url=url)  # want: ASL102
        return result.markdown


async def crawl_awaited(url):
    async with AsyncWebCrawler() as crawler:
        return (await crawler.arun(url=url)).markdown


# Cerebras's async client; Replicate's async predictions.
import replicate
from cerebras.cloud.sdk import AsyncCerebras


async def cerebras_chat(messages):
    client = AsyncCerebras()
    reply = client.chat.completions.create(model="llama3.1-8b", messages=messages)  # want: ASL102
    return reply.choices[0].message.content


async def predict_later(version):
    later = replicate.predictions.async_create(version=version, input={})  # want: ASL102
    return later.id


async def predict_awaited(version):
    prediction = await replicate.predictions.async_create(version=version, input={})
    await prediction.async_wait()
    return prediction.output


# Anthropic's AsyncMessageStream, bound by `async with`.
from anthropic import AsyncAnthropic


async def final_message(messages):
    async with AsyncAnthropic().messages.stream(max_tokens=64, messages=messages, model="claude") as stream:
        async for event in stream:
            print(event)
    accumulated = stream.get_final_message()  # want: ASL102
    return accumulated.content


async def final_message_awaited(messages):
    async with AsyncAnthropic().messages.stream(max_tokens=64, messages=messages, model="claude") as stream:
        return await stream.get_final_text()
