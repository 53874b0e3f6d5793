# Sync requests of the libraries the twenty-second session's library audit
# added (docs/pylib-coverage.md, libcov22): each blocks the loop's thread
# (or refuses to run in it). Quiet: the async twins awaited, the sync calls
# in sync code, same-named methods of other objects.
from gql import Client, gql


async def graphql(transport, text):
    client = Client(transport=transport)
    return client.execute(gql(text))  # want: ASL202 "execute_async"


class Api:
    def __init__(self, transport):
        self.gql = Client(transport=transport)

    async def batch(self, requests):
        return self.gql.execute_batch(requests)  # want: ASL202


# Quiet.
async def graphql_awaited(client: Client, text):
    async with client as session:
        await session.execute(gql(text))
    return await client.execute_async(gql(text))


def graphql_sync(client: Client, text):
    return client.execute(gql(text))


async def other_execute(cursor, text):
    cursor.execute(text)


# ODMantic's SyncEngine (PyMongo) in a coroutine; AIOEngine awaited.
from odmantic import AIOEngine, SyncEngine


class Store:
    def __init__(self):
        self.engine = SyncEngine()
        self.aio = AIOEngine()

    async def save(self, item):
        self.engine.save(item)  # want: ASL202 "AIOEngine"

    async def save_async(self, item):
        await self.aio.save(item)

    def save_sync(self, item):
        self.engine.save(item)


# crewAI: a Flow's and an Agent's kickoff run the whole job on the calling
# thread (a Flow's, in older releases, raises in a running loop).
from crewai import Agent
from crewai.flow.flow import Flow, start
from pydantic import BaseModel


class PoemState(BaseModel):
    poem: str = ""


class PoemFlow(Flow[PoemState]):
    @start()
    def write(self):
        self.state.poem = "..."


async def poem_endpoint():
    flow = PoemFlow()
    return flow.kickoff()  # want: ASL202 "kickoff_async"


async def ask_agent(question):
    agent = Agent(role="r", goal="g", backstory="b")
    return agent.kickoff(question)  # want: ASL202


# Quiet: awaited twins, sync code, and another class's kickoff.
async def poem_awaited():
    flow = PoemFlow()
    return await flow.kickoff_async()


def poem_cli():
    return PoemFlow().kickoff()


class Match:
    def kickoff(self):
        return 0


async def football(match: Match):
    return match.kickoff()


# AutoGen 0.2 / AG2: initiate_chat runs the whole conversation here.
import autogen


async def chat(task):
    assistant = autogen.AssistantAgent("assistant", llm_config={"model": "gpt-4o"})
    user = autogen.UserProxyAgent("user", code_execution_config=False)
    return user.initiate_chat(assistant, message=task)  # want: ASL202 "a_initiate_chat"


async def chat_awaited(task):
    assistant = autogen.AssistantAgent("assistant", llm_config={"model": "gpt-4o"})
    user = autogen.UserProxyAgent("user", code_execution_config=False)
    return await user.a_initiate_chat(assistant, message=task)


def chat_sync(task):
    assistant = autogen.AssistantAgent("assistant", llm_config={"model": "gpt-4o"})
    return autogen.UserProxyAgent("user").initiate_chat(assistant, message=task)


# google-genai's sync batch, cache and list calls send their request at
# the call.
from google import genai as google_genai


async def gemini_batch(requests):
    client = google_genai.Client()
    job = client.batches.create(model="gemini-2.5-flash", src=requests)  # want: ASL202
    models = [m.name for m in client.models.list()]  # want: ASL202
    return job, models


def gemini_batch_sync(requests):
    return google_genai.Client().batches.create(model="gemini-2.5-flash", src=requests)


# elasticsearch-py's sync bulk helper sends every chunk here.
from elasticsearch import AsyncElasticsearch, Elasticsearch
from elasticsearch.helpers import async_bulk, bulk


async def index_docs(es: Elasticsearch, docs):
    return bulk(es, ({"_index": "docs", "_source": d} for d in docs))  # want: ASL202 "async_bulk"


async def index_docs_async(es: AsyncElasticsearch, docs):
    return await async_bulk(es, ({"_index": "docs", "_source": d} for d in docs))


def index_docs_sync(es: Elasticsearch, docs):
    return bulk(es, docs)


# discord-webhook: the sync webhook posts with requests.
from discord_webhook import AsyncDiscordWebhook, DiscordWebhook


async def notify(url, text):
    webhook = DiscordWebhook(url=url, content=text)
    webhook.execute()  # want: ASL202 "AsyncDiscordWebhook"


async def notify_async(url, text):
    await AsyncDiscordWebhook(url=url, content=text).execute()


def notify_sync(url, text):
    DiscordWebhook(url=url, content=text).execute()


# httplib2 and pysftp send their requests on the calling thread.
import httplib2
import pysftp


async def fetch(url):
    http = httplib2.Http()
    response, content = http.request(url, "GET")  # want: ASL202
    return content


async def upload(host, path):
    with pysftp.Connection(host, username="u", password="p") as sftp:  # want: ASL202
        sftp.put(path)  # want: ASL202


def upload_sync(host, path):
    with pysftp.Connection(host, username="u") as sftp:
        sftp.put(path)


class Store2:
    def put(self, path):
        return path


async def other_put(store: Store2, path):
    store.put(path)
