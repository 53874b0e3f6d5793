# Third batch of the library coverage audit: psycopg_pool, SendGrid, Azure
# Service Bus, Identity and Key Vault, more OpenAI and Anthropic resources.
# The sync calls block the loop; their aio twins, awaited, do not.
import anthropic
import sendgrid
from azure.identity import DefaultAzureCredential
from azure.identity.aio import DefaultAzureCredential as AsyncCredential
from azure.keyvault.secrets import SecretClient
from azure.servicebus import ServiceBusClient, ServiceBusMessage
from openai import AsyncOpenAI, OpenAI
from psycopg_pool import ConnectionPool

pool = ConnectionPool("dbname=app")


async def rows(q):
    conn = pool.getconn()  # want: ASL202
    try:
        return conn.execute(q).fetchall()  # want: ASL202
    finally:
        pool.putconn(conn)


async def mail(message):
    sg = sendgrid.SendGridAPIClient("key")
    return sg.send(message)  # want: ASL202


async def enqueue(body):
    sb = ServiceBusClient.from_connection_string("Endpoint=sb://x")
    sender = sb.get_queue_sender("jobs")
    sender.send_messages(ServiceBusMessage(body))  # want: ASL202


async def token():
    cred = DefaultAzureCredential()
    return cred.get_token("https://vault.azure.net/.default")  # want: ASL202


async def token_async():
    cred = AsyncCredential()
    return await cred.get_token("https://vault.azure.net/.default")


async def secret(name):
    client = SecretClient("https://v.vault.azure.net", DefaultAzureCredential())
    return client.get_secret(name)  # want: ASL202


async def speak(text):
    client = OpenAI()
    audio = client.audio.speech.create(model="tts-1", voice="alloy", input=text)  # want: ASL202
    aclient = AsyncOpenAI()
    return audio, await aclient.audio.speech.create(model="tts-1", voice="alloy", input=text)


async def bedrock(prompt):
    client = anthropic.AnthropicBedrock()
    return client.messages.create(model="m", max_tokens=10, messages=[])  # want: ASL202


# Fourth batch: PyGithub, StripeClient, Celery results, Google Cloud GAPIC.
from celery import Celery
from github import Github
from google.cloud import texttospeech
from stripe import StripeClient

celery_app = Celery("app")


async def issue(title):
    gh = Github("token")
    repo = gh.get_repo("org/repo")  # want: ASL202
    return repo.create_issue(title=title)  # want: ASL202


# get_repo(full_name_or_id, lazy=False): with lazy=True (by name or second)
# it only builds the Repository; its own requests still wait.
async def lazy_issue(title, lazy):
    gh = Github("token")
    repo = gh.get_repo("org/repo", lazy=True)
    gh.get_repo("org/repo", True)
    gh.get_repo("org/repo", lazy=False)  # want: ASL202 "\(and 1 more call in `lazy_issue`: line 84\)"
    gh.get_repo("org/repo", lazy=lazy)  # reported: named by line 83's finding
    return repo.create_issue(title=title)  # want: ASL202


async def customer(email):
    client = StripeClient("sk")
    sync = client.customers.create(params={"email": email})  # want: ASL202
    return sync, await client.customers.create_async(params={"email": email})


async def run_task(x):
    result = celery_app.send_task("tasks.add", args=[x, 1])  # want: ASL202
    ready = result.get(timeout=0)
    return ready, result.get(timeout=10)  # want: ASL202


async def tts(text):
    client = texttospeech.TextToSpeechClient()
    return client.synthesize_speech(input=text, voice=None, audio_config=None)  # want: ASL202


async def tts_async(text):
    client = texttospeech.TextToSpeechAsyncClient()
    return await client.synthesize_speech(input=text, voice=None, audio_config=None)
