# Sync requests of the AI, agent and data libraries the twenty-third
# session's library audit added (docs/pylib-coverage.md, libcov23a): each
# holds the loop's thread. Quiet: the async twins awaited, the sync calls in
# sync code, same-named methods of other objects.
import voyageai
from cassandra.cluster import Cluster
from e2b import Sandbox
from e2b_code_interpreter import Sandbox as CodeSandbox
from exa_py import Exa
from firecrawl import Firecrawl, FirecrawlApp
from haystack import AsyncPipeline, Pipeline
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph_sdk import get_sync_client
from mem0 import Memory, MemoryClient
from pinecone import Pinecone
from redis_om import HashModel


async def scrape(url):
    app = FirecrawlApp(api_key="fc-key")
    return app.scrape_url(url)  # want: ASL202 "AsyncFirecrawl"


class Crawler:
    def __init__(self):
        self.client = Firecrawl(api_key="fc-key")

    async def crawl(self, url):
        return self.client.crawl(url=url, limit=10)  # want: ASL202


async def run_in_sandbox(code):
    sandbox = Sandbox.create()  # want: ASL202 "AsyncSandbox"
    result = sandbox.commands.run("python -c 'print(1)'")  # want: ASL202
    sandbox.files.write("/tmp/a.py", code)  # want: ASL202
    sandbox.kill()  # want: ASL202
    return result


async def interpret(code):
    sandbox = CodeSandbox.create()  # want: ASL202
    return sandbox.run_code(code)  # want: ASL202


async def cql(session_factory, user_id):
    session = Cluster(["db"]).connect()  # want: ASL202
    stmt = session.prepare("SELECT * FROM users WHERE id = ?")  # want: ASL202
    future = session.execute_async(stmt, [user_id])
    return future.result()  # want: ASL202 "execute_async"


async def answer(question):
    pipeline = Pipeline()
    return pipeline.run({"prompt": {"question": question}})  # want: ASL202 "run_async"


async def answer_async_pipeline_run_sync(question):
    pipeline = AsyncPipeline()
    return pipeline.run({"prompt": {"question": question}})  # want: ASL202


async def setup_checkpointer(uri):
    with PostgresSaver.from_conn_string(uri) as saver:
        saver.setup()  # want: ASL202


async def remote_graph(url):
    client = get_sync_client(url=url)
    thread = client.threads.create()  # want: ASL202
    return client.runs.wait(thread["thread_id"], "agent", input={})  # want: ASL202


class Customer(HashModel):
    name: str


async def save_customer(name):
    customer = Customer(name=name)
    customer.save()  # want: ASL202 "aredis_om"
    return Customer.find(Customer.name == name).all()  # want: ASL202


async def remember(messages):
    memory = Memory()
    memory.add(messages, user_id="alice")  # want: ASL202 "AsyncMemory"
    client = MemoryClient(api_key="m0-key")
    return client.search("sports", user_id="alice")  # want: ASL202


async def embed(texts):
    vo = voyageai.Client()
    return vo.embed(texts, model="voyage-3")  # want: ASL202


async def web_search(query):
    exa = Exa(api_key="exa-key")
    return exa.search_and_contents(query)  # want: ASL202


async def pinecone_records(query):
    index = Pinecone(api_key="pc").Index("docs")
    return index.search(namespace="ns", query={"inputs": {"text": query}})  # want: ASL202


# Quiet: sync code.
def scrape_sync(url):
    return FirecrawlApp(api_key="fc-key").scrape_url(url)


def cql_sync(session, stmt):
    return session.execute_async(stmt).result()


def answer_sync(question):
    return Pipeline().run({"prompt": {"question": question}})


def remember_sync(messages):
    Memory().add(messages, user_id="alice")


# Quiet: offloaded, and building a query or a future.
async def scrape_offloaded(url):
    import asyncio

    app = FirecrawlApp(api_key="fc-key")
    return await asyncio.to_thread(app.scrape_url, url)


async def cql_started(session, stmt):
    return session.execute_async(stmt)


async def query_built(name):
    return Customer.find(Customer.name == name)


# Quiet: same-named methods of other objects.
class Scraper:
    def scrape_url(self, url):
        return url

    def crawl(self, url):
        return url


class Memo:
    def add(self, item, user_id=None):
        return item

    def search(self, query, user_id=None):
        return query


async def others(url):
    Scraper().scrape_url(url)
    Scraper().crawl(url)
    Memo().add("x", user_id="alice")
    Memo().search("x")
    {"a": 1}.get("a")


# LangChain vector stores and their retrievers; DuckDuckGo search.
from duckduckgo_search import DDGS
from langchain_chroma import Chroma
from langchain_postgres import PGVector


async def retrieve(embeddings, question):
    store = Chroma(collection_name="docs", embedding_function=embeddings)
    docs = store.similarity_search(question, k=4)  # want: ASL202 "asimilarity_search"
    retriever = store.as_retriever(search_kwargs={"k": 4})
    return docs, retriever.invoke(question)  # want: ASL202


async def index(embeddings, docs):
    store = PGVector.from_documents(docs, embeddings, connection="postgresql+psycopg://db")  # want: ASL202
    store.add_documents(docs)  # want: ASL202


async def web(query):
    return DDGS().text(query, max_results=5)  # want: ASL202


# Quiet: the async twins, and sync code.
async def retrieve_awaited(embeddings, question):
    store = Chroma(collection_name="docs", embedding_function=embeddings)
    docs = await store.asimilarity_search(question, k=4)
    return docs, await store.as_retriever().ainvoke(question)


def retrieve_sync(embeddings, question):
    return Chroma(embedding_function=embeddings).similarity_search(question)


# Cerebras's sync client; Replicate's predictions.
import replicate
from cerebras.cloud.sdk import Cerebras


async def cerebras_chat(messages):
    client = Cerebras()
    return client.chat.completions.create(model="llama3.1-8b", messages=messages)  # want: ASL202 "AsyncCerebras"


async def predict(version, prompt):
    prediction = replicate.predictions.create(version=version, input={"prompt": prompt})  # want: ASL202
    prediction.wait()  # want: ASL202 "async_wait"
    return prediction.output


async def predict_async(version, prompt):
    prediction = await replicate.predictions.async_create(version=version, input={"prompt": prompt})
    await prediction.async_wait()
    return prediction.output
