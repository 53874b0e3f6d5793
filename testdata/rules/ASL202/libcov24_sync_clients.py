# Sync requests of the libraries the twenty-fourth session's library audit
# added (docs/pylib-coverage.md, libcov24): each holds the loop's thread.
# Quiet: the async twins awaited, offloaded, the sync calls in sync code,
# and same-named methods of other objects.
import asyncio

import assemblyai as aai
import boto3
from celery import Celery, shared_task
import edgedb
import opcua
import requests_cache
import socketio
from elevenlabs import ElevenLabs
from mistralai import Mistral
from vertexai.generative_models import GenerativeModel
from zeroconf import ServiceInfo, Zeroconf
from zeroconf.asyncio import AsyncZeroconf
from piccolo.columns import Varchar
from piccolo.table import Table
from zep_cloud.client import Zep


async def ocr(document):
    client = Mistral(api_key="key")
    return client.ocr.process(model="mistral-ocr-latest", document=document)  # want: ASL202 "process_async"


class Files:
    def __init__(self):
        self.mistral = Mistral(api_key="key")

    async def upload(self, f):
        uploaded = self.mistral.files.upload(file=f, purpose="ocr")  # want: ASL202
        return self.mistral.files.get_signed_url(file_id=uploaded.id)  # want: ASL202


async def transcribe(url):
    transcriber = aai.Transcriber()
    transcript = transcriber.transcribe(url)  # want: ASL202
    return transcript.export_subtitles_srt()  # want: ASL202


async def fetch_transcript(transcript_id):
    transcript = aai.Transcript.get_by_id(transcript_id)  # want: ASL202
    return transcript.text


async def transcribe_future(url):
    future = aai.Transcriber().transcribe_async(url)
    return future.result()  # want: ASL202


async def voices(api_key):
    client = ElevenLabs(api_key=api_key)
    return client.voices.get_all().voices  # want: ASL202 "AsyncElevenLabs"


async def remember(thread_id, messages):
    zep = Zep(api_key="key")
    zep.thread.add_messages(thread_id=thread_id, messages=messages)  # want: ASL202


async def edgeql(name):
    client = edgedb.create_client()
    return client.query_single("SELECT User FILTER .name = <str>$name", name=name)  # want: ASL202 "create_async_client"


async def wait_stack(name):
    cf = boto3.client("cloudformation")
    cf.get_waiter("stack_create_complete").wait(StackName=name)  # want: ASL202
    return cf.get_paginator("list_stacks").paginate().build_full_result()  # want: ASL202


async def plc(url):
    client = opcua.Client(url)
    client.connect()  # want: ASL202 "asyncua"
    return client


async def cached(url):
    session = requests_cache.CachedSession("http_cache")
    return session.get(url).json()  # want: ASYNC210


async def sio(url):
    client = socketio.Client()
    client.connect(url)  # want: ASL202 "socketio.AsyncClient"
    return client.call("ping", {"x": 1})  # want: ASL202


celery_app = Celery("proj", broker="redis://localhost")


@celery_app.task
def add(x, y):
    return x + y


@celery_app.task(bind=True)
def mul(self, x, y):
    return x * y


@shared_task
def sub(x, y):
    return x - y


async def tasks_waited(x):
    r = add.delay(x, 1)  # want: ASL202
    total = r.get(timeout=10)  # want: ASL202 "r\.get\(\)"
    product = mul.apply_async((x, 2)).get()  # want: ASL202
    return total, product, sub.delay(x, 3).get()  # want: ASL202


class Settings:
    @property
    def name(self):
        return "x"

    @name.setter
    def name(self, value):
        self._name = value


async def gemini(prompt):
    model = GenerativeModel("gemini-1.5-flash")
    response = model.generate_content(prompt)  # want: ASL202 "generate_content_async"
    chat = model.start_chat()
    return response.text, chat.send_message(prompt).text  # want: ASL202


# Quiet.
async def ocr_awaited(document):
    client = Mistral(api_key="key")
    return await client.ocr.process_async(model="mistral-ocr-latest", document=document)


async def transcribe_offloaded(url):
    transcriber = aai.Transcriber()
    return await asyncio.to_thread(transcriber.transcribe, url)


async def transcribe_wrapped(url):
    return await asyncio.wrap_future(aai.Transcriber().transcribe_async(url))


def transcribe_sync(url):
    return aai.Transcriber().transcribe(url).text


def voices_sync(api_key):
    return ElevenLabs(api_key=api_key).voices.get_all()


class Other:
    def transcribe(self, url):
        return url

    def process(self, document):
        return document


async def other(o: Other):
    o.transcribe("x")
    return o.process("y")



class Band(Table):
    name = Varchar()


async def bands(name):
    return Band.select().where(Band.name == name).run_sync()  # want: ASL202


def bands_sync(name):
    return Band.select().where(Band.name == name).run_sync()


async def bands_awaited(name):
    return await Band.select().where(Band.name == name).run()


async def wait_stack_offloaded(name):
    waiter = boto3.client("cloudformation").get_waiter("stack_create_complete")
    await asyncio.to_thread(waiter.wait, StackName=name)


def wait_stack_sync(name):
    boto3.client("cloudformation").get_waiter("stack_create_complete").wait(StackName=name)


async def sio_async(url):
    client = socketio.AsyncClient()
    await client.connect(url)
    client_sync = socketio.Client()
    client_sync.emit("hello")


async def tasks_sent(x):
    add.delay(x, 1)  # want: ASL202
    direct = add(x, 2)
    return direct, sub.apply_async((x, 3)).id  # want: ASL202


def tasks_waited_sync(x):
    return add.delay(x, 1).get()


async def gemini_awaited(prompt):
    model = GenerativeModel("gemini-1.5-flash")
    response = await model.generate_content_async(prompt)
    return response.text



async def announce(info: ServiceInfo):
    zc = Zeroconf()
    zc.register_service(info)  # want: ASL202 "AsyncZeroconf"
    return zc.get_service_info("_http._tcp.local.", "x._http._tcp.local.")  # want: ASL202


async def announce_through_async(info: ServiceInfo):
    aiozc = AsyncZeroconf()
    aiozc.zeroconf.unregister_service(info)  # want: ASL202
    await aiozc.async_register_service(info)
    await aiozc.async_close()


def announce_sync(info: ServiceInfo):
    zc = Zeroconf()
    zc.register_service(info)
    zc.close()
