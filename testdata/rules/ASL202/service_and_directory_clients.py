# Sync clients of web services and directories (docs/pylib-coverage.md,
# twenty-first session): each call is a network round trip on the loop's
# thread. Their asyncio twins awaited, the calls run in a thread, and
# same-named methods of unrelated objects stay quiet.
import asyncio
import xmlrpc.client

import dspy
import gitlab
import hvac
import ldap3
import praw
import asyncpraw
import spotipy
import weaviate
import wikipedia
import zeep
from atlassian import Confluence
from jira import JIRA
from pymilvus import AsyncMilvusClient, MilvusClient
from simple_salesforce import Salesforce
from smolagents import CodeAgent


async def supervisor_status(url):
    proxy = xmlrpc.client.ServerProxy(url)
    return proxy.getAllProcessInfo()  # want: ASL202 "xmlrpc\.client\.ServerProxy"


async def ldap_login(server, user, password):
    conn = ldap3.Connection(server, user, password)
    conn.bind()  # want: ASL202
    conn.search("dc=example,dc=org", "(uid=%s)" % user)  # want: ASL202
    return conn.entries


class RedditBot:
    def __init__(self):
        self.reddit = praw.Reddit(client_id="x", client_secret="y", user_agent="z")

    async def post(self, title, url):
        sub = self.reddit.subreddit("test")
        return sub.submit(title, url=url)  # want: ASL202

    async def me(self):
        return self.reddit.user.me()  # want: ASL202

    async def memes(self):
        # A listing requests its pages as it is iterated, here on the loop.
        return [post.url for post in self.reddit.subreddit("memes").hot(limit=50)]  # want: ASL202

    async def listing_only(self):
        # Quiet: the listing is built and handed on, not iterated here.
        return self.reddit.subreddit("memes").hot(limit=50)


async def now_playing(sp: spotipy.Spotify):
    return sp.current_user_playing_track()  # want: ASL202


def _search(sp: spotipy.Spotify, q):  # a sync helper: ASL201 follows it from a coroutine
    return sp.search(q=q, type="track")


async def search_track(sp: spotipy.Spotify, q):
    return _search(sp, q)  # want: ASL201


async def wiki(topic):
    return wikipedia.summary(topic, sentences=2)  # want: ASL202


async def open_issue(token, title):
    gl = gitlab.Gitlab("https://gitlab.com", private_token=token)
    project = gl.projects.get(42)  # want: ASL202
    return project.issues.create({"title": title})  # want: ASL202


async def jira_comment(jira: JIRA, key, body):
    jira.add_comment(key, body)  # want: ASL202


async def confluence_page(confluence: Confluence, page_id):
    return confluence.get_page_by_id(page_id, expand="body.storage")  # want: ASL202


async def salesforce_contact(sf: Salesforce, email):
    sf.Contact.create({"Email": email})  # want: ASL202
    return sf.query("SELECT Id FROM Contact")  # want: ASL202


async def soap_call(wsdl, city):
    client = zeep.Client(wsdl)
    return client.service.GetWeather(city)  # want: ASL202


async def vault_secret(client: hvac.Client, path):
    return client.secrets.kv.v2.read_secret_version(path=path)  # want: ASL202


async def milvus_search(client: MilvusClient, vectors):
    return client.search(collection_name="docs", data=vectors, limit=5)  # want: ASL202


async def weaviate_search(text):
    client = weaviate.connect_to_local()  # want: ASL202
    docs = client.collections.get("Docs")
    return docs.query.near_text(query=text, limit=3)  # want: ASL202


async def weaviate_v3_search(client: weaviate.Client, text):
    query = client.query.get("Doc", ["title"]).with_near_text({"concepts": [text]}).with_limit(3)
    return query.do()  # want: ASL202


async def weaviate_v3_query_built(client: weaviate.Client, text):
    # Quiet: building the query sends nothing.
    return client.query.get("Doc", ["title"]).with_near_text({"concepts": [text]})


async def agent_answer(model, task):
    agent = CodeAgent(tools=[], model=model)
    return agent.run(task)  # want: ASL202


async def dspy_answer(question):
    qa = dspy.ChainOfThought("question -> answer")
    return qa(question=question)  # want: ASL202


# Quiet: the async twins awaited.
async def reddit_async(title, url):
    reddit = asyncpraw.Reddit(client_id="x", client_secret="y", user_agent="z")
    sub = await reddit.subreddit("test")
    return await sub.submit(title, url=url)


async def soap_async(wsdl, city):
    client = zeep.AsyncClient(wsdl)
    return await client.service.GetWeather(city)


async def milvus_async(client: AsyncMilvusClient, vectors):
    return await client.search(collection_name="docs", data=vectors, limit=5)


async def weaviate_async(text):
    client = weaviate.use_async_with_local()
    await client.connect()
    docs = client.collections.get("Docs")
    return await docs.query.near_text(query=text, limit=3)


async def dspy_async(question):
    qa = dspy.ChainOfThought("question -> answer")
    return await qa.acall(question=question)


# Quiet: the blocking calls offloaded to a thread.
async def offloaded(url, sp: spotipy.Spotify, client: hvac.Client, model, task):
    proxy = xmlrpc.client.ServerProxy(url)
    await asyncio.to_thread(proxy.getAllProcessInfo)
    await asyncio.to_thread(sp.current_user_playing_track)
    await asyncio.to_thread(client.secrets.kv.v2.read_secret_version, path="x")
    await asyncio.to_thread(wikipedia.summary, "Python")
    agent = CodeAgent(tools=[], model=model)
    return await asyncio.to_thread(agent.run, task)


# Quiet: same-named methods of unrelated objects, and lazy accessors.
class Runner:
    def run(self, task):
        return task

    def search(self, q):
        return q


async def unrelated(runner: Runner, q, reddit: praw.Reddit, sf: Salesforce):
    runner.run(q)
    runner.search(q)
    reddit.subreddit("test")
    sf.headers.get("Authorization")
    gl = gitlab.Gitlab("https://gitlab.com")
    project = gl.projects.get(42, lazy=True)  # builds the object, no request
    project.issues.get(7, lazy=True)
    return {"a": 1}.get("a")


def sync_caller(url):
    return xmlrpc.client.ServerProxy(url).getAllProcessInfo()


# instructor: only receivers annotated as its classes are typed.
import instructor


async def extract(client: instructor.Instructor, model, text):
    return client.chat.completions.create(response_model=model, messages=[{"role": "user", "content": text}])  # want: ASL202


async def extract_async(client: instructor.AsyncInstructor, model, text):
    return await client.chat.completions.create(response_model=model, messages=[{"role": "user", "content": text}])


async def extract_untyped(text, model):
    client = instructor.from_openai(object())
    return client.chat.completions.create(response_model=model, messages=[{"role": "user", "content": text}])


# A project subclass of a client whose every method is a request: its own
# methods are its own (quiet), the inherited ones still requests.
class MySpotify(spotipy.Spotify):
    def describe(self, track):
        return track["name"]


async def show(sp: MySpotify, track):
    sp.describe(track)
    return sp.track(track["id"])  # want: ASL202
