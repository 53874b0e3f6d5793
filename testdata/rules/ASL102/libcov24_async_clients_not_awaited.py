# Coroutine methods of the libraries the twenty-fourth session's library
# audit added (docs/pylib-coverage.md, libcov24): a call without await
# sends nothing. Quiet: awaited, handed to asyncio, the sync twins, and
# same-named methods of other objects.
import aioboto3
import arq
import asyncua
import aiormq
import aiormq.abc
import edgedb
import gel
import ormar
from arq.connections import create_pool
from elevenlabs.client import AsyncElevenLabs, ElevenLabs
from exa_py import AsyncExa, Exa
from google import genai
from google.pubsub_v1 import PublisherAsyncClient, SubscriberAsyncClient
from livekit import api, rtc
from livekit.agents import JobContext, JobRequest
from mistralai import Mistral
from taskiq import InMemoryBroker
from vertexai.generative_models import GenerativeModel
from piccolo.columns import Varchar
from piccolo.table import Table
from twitchio.ext import commands
from zep_cloud.client import AsyncZep


async def ocr(document):
    client = Mistral(api_key="key")
    result = client.ocr.process_async(model="mistral-ocr-latest", document=document)  # want: ASL102
    return result.pages


class Uploader:
    def __init__(self):
        self.mistral = Mistral(api_key="key")

    async def upload(self, f):
        self.mistral.files.upload_async(file=f)  # want: ASL102
        return await self.mistral.files.list_async()


async def moderate(text):
    async with Mistral(api_key="key") as mistral:
        return mistral.classifiers.moderate_async(model="mistral-moderation-latest", inputs=[text])  # want: ASL102


async def voices(api_key):
    client = AsyncElevenLabs(api_key=api_key)
    response = client.voices.get_all()  # want: ASL102
    return [v.name for v in response.voices]


async def transcribe(api_key, f):
    client = AsyncElevenLabs(api_key=api_key)
    client.speech_to_text.convert(file=f, model_id="scribe_v1")  # want: ASL102


async def remember(thread_id, messages):
    zep = AsyncZep(api_key="key")
    zep.thread.add_messages(thread_id=thread_id, messages=messages)  # want: ASL102
    context = zep.thread.get_user_context(thread_id=thread_id)  # want: ASL102
    return context.context


async def search(query):
    exa = AsyncExa(api_key="key")
    results = exa.search_and_contents(query, num_results=3)  # want: ASL102
    return results.results


async def publish(topic, messages):
    publisher = PublisherAsyncClient()
    publisher.publish(topic=topic, messages=messages)  # want: ASL102


async def pull(subscription):
    subscriber = SubscriberAsyncClient()
    response = subscriber.pull(subscription=subscription, max_messages=10)  # want: ASL102
    return response.received_messages


class Greeter(commands.Component):
    @commands.command()
    async def hi(self, ctx: commands.Context):
        ctx.send_announcement("hello")  # want: ASL102
        ctx.channel.send_message(sender=ctx.bot.bot_id, message="hi")  # want: ASL102


async def enqueue(settings):
    redis = await create_pool(settings)
    job = redis.enqueue_job("download", "https://example.com")  # want: ASL102
    return job


async def enqueue_and_wait(settings):
    redis = await arq.create_pool(settings)
    job = await redis.enqueue_job("download", "https://example.com")
    return job.result(timeout=10)  # want: ASL102


async def pool_not_awaited(settings):
    redis = create_pool(settings)  # want: ASL102
    return redis


async def amqp(url, body):
    connection = await aiormq.connect(url)
    channel = await connection.channel()
    channel.basic_publish(body, routing_key="hello")  # want: ASL102
    declare = channel.queue_declare("hello")  # want: ASL102
    return declare.queue


class Album(ormar.Model):
    id: int = ormar.Integer(primary_key=True)
    name: str = ormar.String(max_length=100)


async def albums(name):
    album = Album.objects.get(name=name)  # want: ASL102
    rows = Album.objects.filter(name__icontains=name).all()  # want: ASL102
    return album, rows


async def save_album(album: Album):
    album.save()  # want: ASL102
    return album


async def edgeql(name):
    client = edgedb.create_async_client()
    users = client.query("SELECT User FILTER .name = <str>$name", name=name)  # want: ASL102
    return len(users)


async def gel_query():
    client = gel.create_async_client()
    client.execute("INSERT User { name := 'Bob' }")  # want: ASL102


async def live(model):
    client = genai.Client()
    async with client.aio.live.connect(model=model, config={"response_modalities": ["TEXT"]}) as session:
        session.send_client_content(turns={"role": "user", "parts": [{"text": "hi"}]})  # want: ASL102
        async for message in session.receive():
            return message.text


class Delivery:
    def __init__(self, message: aiormq.abc.DeliveredMessage):
        self.channel = message.channel
        self.tag = message.delivery.delivery_tag

    async def ack(self):
        self.channel.basic_ack(delivery_tag=self.tag)  # want: ASL102


async def declare(channel: aiormq.abc.AbstractChannel):
    channel.exchange_declare("logs", exchange_type="fanout")  # want: ASL102


async def entrypoint(ctx: JobContext):
    ctx.connect()  # want: ASL102
    participant = ctx.wait_for_participant()  # want: ASL102
    ctx.room.local_participant.publish_data(b"hi")  # want: ASL102
    ctx.agent.set_attributes({"state": "ready"})  # want: ASL102
    ctx.api.room.delete_room(api.DeleteRoomRequest(room="x"))  # want: ASL102
    return participant.identity


async def request_fnc(req: JobRequest):
    req.accept(name="agent")  # want: ASL102


async def join(url, token):
    room = rtc.Room()
    room.connect(url, token)  # want: ASL102
    return room


async def aio_wait(name):
    session = aioboto3.Session()
    async with session.client("cloudformation") as cf:
        cf.get_waiter("stack_create_complete").wait(StackName=name)  # want: ASL102
        result = cf.get_paginator("list_stacks").paginate().build_full_result()  # want: ASL102
        return result["StackSummaries"]


async def opcua_read(url, nodeid):
    client = asyncua.Client(url=url)
    client.connect()  # want: ASL102
    node = client.get_node(nodeid)
    value = node.read_value()  # want: ASL102
    child = await node.get_child(["0:Objects"])
    child.write_value(value)  # want: ASL102
    return value


broker = InMemoryBroker()


@broker.task
async def resize(path: str) -> str:
    return path


@broker.task(task_name="thumbnails")
async def thumbnail(path: str) -> str:
    return path


async def upload(path):
    resize.kiq(path)  # want: ASL102
    task = await thumbnail.kiq(path)
    result = task.wait_result(timeout=2)  # want: ASL102
    return result.return_value


async def start_broker():
    broker.startup()  # want: ASL102


async def gemini_count(prompt):
    model = GenerativeModel("gemini-1.5-flash")
    count = model.count_tokens_async(prompt)  # want: ASL102
    return count.total_tokens


# Quiet.
async def ocr_awaited(document):
    client = Mistral(api_key="key")
    result = await client.ocr.process_async(model="mistral-ocr-latest", document=document)
    return result.pages


async def voices_awaited(api_key):
    client = AsyncElevenLabs(api_key=api_key)
    return (await client.voices.get_all()).voices


def voices_sync(api_key):
    return ElevenLabs(api_key=api_key).voices.get_all().voices


def exa_sync(query):
    return Exa(api_key="key").search(query)


async def zep_awaited(thread_id, messages):
    zep = AsyncZep(api_key="key")
    await zep.thread.add_messages(thread_id=thread_id, messages=messages)
    return await zep.graph.search(user_id="u", query="q")


async def enqueue_awaited(settings):
    redis = await create_pool(settings)
    job = await redis.enqueue_job("download", "https://example.com")
    return await job.status()


async def amqp_awaited(url, body):
    connection = await aiormq.connect(url)
    channel = await connection.channel()
    await channel.basic_publish(body, routing_key="hello")
    await connection.close()


async def ack_awaited(message: aiormq.abc.DeliveredMessage):
    await message.channel.basic_ack(delivery_tag=message.delivery.delivery_tag)


async def albums_awaited(name):
    query = Album.objects.filter(name=name).order_by("name")
    rows = await query.all()
    album = await Album.objects.create(name=name)
    await album.update(name=name.upper())
    return rows, album


async def edgeql_awaited(name):
    client = edgedb.create_async_client()
    users = await client.query("SELECT User FILTER .name = <str>$name", name=name)
    await client.aclose()
    return users


async def live_awaited(model):
    client = genai.Client()
    async with client.aio.live.connect(model=model) as session:
        await session.send_client_content(turns={"role": "user", "parts": [{"text": "hi"}]}, turn_complete=True)
        async for message in session.receive():
            return message.text


class Other:
    def get_all(self):
        return []

    def enqueue_job(self, name):
        return name


async def other(o: Other):
    o.get_all()
    return o.enqueue_job("x")



class Band(Table):
    name = Varchar()


async def bands(name):
    rows = Band.select(Band.name).where(Band.name == name).run()  # want: ASL102
    return rows[0]


async def rename(band: Band):
    band.save().run()  # want: ASL102


async def bands_awaited(name):
    rows = await Band.select(Band.name).where(Band.name == name)
    first = await Band.objects().where(Band.name == name).first().run()
    return rows, first


async def entrypoint_awaited(ctx: JobContext):
    await ctx.connect()
    participant = await ctx.wait_for_participant()
    await ctx.room.local_participant.publish_data(b"hi")
    return participant.identity


async def aio_wait_awaited(name):
    async with aioboto3.Session().client("cloudformation") as cf:
        waiter = cf.get_waiter("stack_create_complete")
        await waiter.wait(StackName=name)


async def opcua_awaited(url, nodeid):
    async with asyncua.Client(url=url) as client:
        node = client.get_node(nodeid)
        return await node.read_value()


async def upload_awaited(path):
    task = await resize.kiq(path)
    result = await task.wait_result(timeout=2)
    direct = await resize(path)
    return result.return_value, direct
