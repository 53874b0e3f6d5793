# Async clients the twenty-second session's library audit added
# (docs/pylib-coverage.md, libcov22): each call returns a coroutine that
# does nothing until awaited.
from gql import Client, gql


async def graphql_async(transport, text):
    client = Client(transport=transport)
    client.execute_async(gql(text))  # want: ASL102


async def graphql_session(client: Client, text):
    async with client as session:
        session.execute(gql(text))  # want: ASL102


async def graphql_session_built(transport, text):
    async with Client(transport=transport, fetch_schema_from_transport=True) as session:
        session.fetch_schema()  # want: ASL102


# Quiet: awaited, and the same names on other objects.
async def graphql_awaited(client: Client, text):
    async with client as session:
        result = await session.execute(gql(text))
    return result, await client.execute_async(gql(text))


async def other_execute(cursor, text):
    cursor.execute(text)


# asyncmy: connect() and create_pool() are awaited; a cursor's calls too.
import asyncmy


async def mysql_insert(row):
    conn = await asyncmy.connect(host="db")
    async with conn.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (%s)", row)  # want: ASL102
    conn.commit()  # want: ASL102


async def mysql_pool(query):
    pool = await asyncmy.create_pool(host="db")
    async with pool.acquire() as conn:
        cur = conn.cursor()
        await cur.execute(query)
        return cur.fetchall()  # want: ASL102


async def mysql_awaited(query):
    conn = await asyncmy.connect(host="db")
    async with conn.cursor() as cursor:
        await cursor.execute(query)
        rows = await cursor.fetchall()
    await conn.commit()
    return rows


# ODMantic's AIOEngine.
from odmantic import AIOEngine, Model


class Player(Model):
    name: str


engine = AIOEngine()


async def save_player(name):
    engine.save(Player(name=name))  # want: ASL102


async def find_player(name):
    player = await engine.find_one(Player, Player.name == name)
    return player, await engine.count(Player)


# Temporal: the client's requests and a workflow's activities are awaited.
from datetime import timedelta

from temporalio import workflow
from temporalio.client import Client as TemporalClient
from temporalio.worker import Worker


async def start_order(order_id):
    client = await TemporalClient.connect("localhost:7233")
    client.start_workflow("OrderWorkflow", order_id, id=order_id, task_queue="orders")  # want: ASL102


async def cancel_order(client: TemporalClient, order_id):
    handle = client.get_workflow_handle(order_id)
    handle.signal("cancel")  # want: ASL102


async def run_worker(client: TemporalClient):
    worker = Worker(client, task_queue="orders", workflows=[], activities=[])
    worker.run()  # want: ASL102


@workflow.defn
class OrderWorkflow:
    @workflow.run
    async def run(self, order_id):
        workflow.execute_activity("charge", order_id, start_to_close_timeout=timedelta(seconds=5))  # want: ASL102
        return order_id


async def order_awaited(client: TemporalClient, order_id):
    handle = await client.start_workflow("OrderWorkflow", order_id, id=order_id, task_queue="orders")
    await handle.signal("cancel")
    return await handle.result()


class Job:
    def result(self):
        return 1


async def other_result(job: Job):
    job.result()


# aiodocker: the containers API is awaited.
import aiodocker


async def restart_worker(name):
    docker = aiodocker.Docker()
    container = await docker.containers.get(name)
    container.restart()  # want: ASL102
    docker.close()  # want: ASL102


async def run_job(docker: aiodocker.Docker, image):
    docker.containers.run(config={"Image": image})  # want: ASL102


async def docker_awaited(docker: aiodocker.Docker, name):
    container = docker.containers.container(name)
    await container.stop()
    await container.delete(force=True)
    await docker.close()


# crewAI: a Flow's kickoff_async.
from crewai.flow.flow import Flow


class ReportFlow(Flow):
    pass


async def report():
    ReportFlow().kickoff_async(inputs={"topic": "x"})  # want: ASL102


# AutoGen 0.2 / AG2: the a_ twins.
from autogen import AssistantAgent, UserProxyAgent


async def ag2_chat(task):
    assistant = AssistantAgent("assistant", llm_config={"model": "gpt-4o"})
    UserProxyAgent("user").a_initiate_chat(assistant, message=task)  # want: ASL102


# google-genai's batch and cache calls on client.aio.
from google import genai as google_genai


async def submit_batch(requests):
    client = google_genai.Client()
    job = client.aio.batches.create(model="gemini-2.5-flash", src=requests)  # want: ASL102
    return job.name


async def batch_awaited(requests):
    client = google_genai.Client()
    job = await client.aio.batches.create(model="gemini-2.5-flash", src=requests)
    await client.aio.caches.delete(name="cachedContents/1")
    return job.name


# elasticsearch-py's async_bulk.
from elasticsearch import helpers as es_helpers


async def index_async(es, docs):
    es_helpers.async_bulk(es, docs)  # want: ASL102


# discord-webhook's async webhook.
from discord_webhook import AsyncDiscordWebhook


async def alert(url, text):
    AsyncDiscordWebhook(url=url, content=text).execute()  # want: ASL102


# aioboto3's DynamoDB resource.
import aioboto3


async def put_user(user):
    session = aioboto3.Session()
    async with session.resource("dynamodb", region_name="eu-central-1") as dynamo:
        table = await dynamo.Table("users")
        table.put_item(Item=user)  # want: ASL102


async def get_user(key):
    session = aioboto3.Session()
    async with session.resource("dynamodb") as dynamo:
        table = await dynamo.Table("users")
        return (await table.get_item(Key=key)).get("Item")
