# Sync requests of the SaaS and cloud SDKs the twenty-third session's
# library audit added (docs/pylib-coverage.md, libcov23b): each is an HTTP
# or AMQP round trip on the loop's thread. Quiet: the async twins awaited,
# the sync calls in sync code, and same-named methods of other objects.
from twilio.rest import Client


async def message_status(sid):
    client = Client("AC...", "token")
    return client.messages(sid).fetch().status  # want: ASL202


async def cancel_call(sid):
    client = Client("AC...", "token")
    client.calls(sid).update(status="canceled")  # want: ASL202


async def send_code(phone):
    client = Client("AC...", "token")
    client.verify.v2.services("VA...").verifications.create(to=phone, channel="sms")  # want: ASL202


async def lookup(number):
    client = Client("AC...", "token")
    return client.lookups.v2.phone_numbers(number).fetch()  # want: ASL202


# SendGrid's fluent v3 client.
import sendgrid


async def send_mail(mail):
    sg = sendgrid.SendGridAPIClient(api_key="SG...")
    return sg.client.mail.send.post(request_body=mail.get())  # want: ASL202


# Azure Event Hubs and Tables, sync clients in coroutines.
from azure.eventhub import EventData, EventHubProducerClient
from azure.data.tables import TableServiceClient


async def publish_events(conn, events):
    producer = EventHubProducerClient.from_connection_string(conn, eventhub_name="hub")
    batch = producer.create_batch()  # want: ASL202
    for e in events:
        batch.add(EventData(e))
    producer.send_batch(batch)  # want: ASL202


async def save_row(conn, row):
    service = TableServiceClient.from_connection_string(conn)
    table = service.get_table_client("rows")
    table.upsert_entity(row)  # want: ASL202


async def make_table(conn):
    service = TableServiceClient.from_connection_string(conn)
    table = service.create_table_if_not_exists("rows")  # want: ASL202
    return table.get_entity("p", "r")  # want: ASL202


# Quiet: the async twins awaited, sync code, other objects.
from azure.eventhub.aio import EventHubProducerClient as AsyncProducer
from azure.data.tables.aio import TableClient as AsyncTableClient


async def message_status_async(sid):
    client = Client("AC...", "token")
    return (await client.messages(sid).fetch_async()).status


async def publish_async(conn, batch):
    producer = AsyncProducer.from_connection_string(conn, eventhub_name="hub")
    async with producer:
        await producer.send_batch(batch)


async def save_row_async(conn, row):
    table = AsyncTableClient.from_connection_string(conn, table_name="rows")
    await table.upsert_entity(row)


def message_status_sync(sid):
    client = Client("AC...", "token")
    return client.messages(sid).fetch().status


def send_mail_sync(mail):
    sg = sendgrid.SendGridAPIClient(api_key="SG...")
    return sg.client.mail.send.post(request_body=mail.get())


async def other_objects(repo, table, producer):
    repo.fetch()
    table.upsert_entity({})
    producer.send_batch([])


# Slack's incoming webhook and more Web API methods, sync clients.
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from slack_sdk.webhook.async_client import AsyncWebhookClient


async def notify(url, text):
    WebhookClient(url).send(text=text)  # want: ASL202


async def pin(token, channel, ts):
    client = WebClient(token=token)
    client.pins_add(channel=channel, timestamp=ts)  # want: ASL202


async def notify_async(url, text):
    await AsyncWebhookClient(url).send(text=text)


def notify_sync(url, text):
    WebhookClient(url).send(text=text)


# LINE's sync Messaging API (v3 and v2) in an async webhook, APNs and FCM
# sync clients.
from linebot import LineBotApi
from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, ReplyMessageRequest
from apns2.client import APNsClient
from pyfcm import FCMNotification

configuration = Configuration(access_token="...")


async def line_webhook(event):
    with ApiClient(configuration) as api_client:
        api = MessagingApi(api_client)
        api.reply_message_with_http_info(ReplyMessageRequest(reply_token=event.reply_token, messages=[]))  # want: ASL202


async def line_v2_push(user_id, message):
    LineBotApi("token").push_message(user_id, message)  # want: ASL202


async def push_ios(token, payload):
    client = APNsClient("key.pem", use_sandbox=True)
    client.send_notification(token, payload, topic="app")  # want: ASL202


async def push_android(token):
    fcm = FCMNotification(service_account_file="sa.json", project_id="p")
    fcm.notify(fcm_token=token, notification_title="hi")  # want: ASL202


def line_webhook_sync(event):
    with ApiClient(configuration) as api_client:
        MessagingApi(api_client).reply_message(ReplyMessageRequest(reply_token=event.reply_token, messages=[]))


# Azure Queue storage, sync clients.
from azure.storage.queue import QueueClient, QueueServiceClient


async def enqueue(conn, body):
    queue = QueueClient.from_connection_string(conn, "jobs")
    queue.send_message(body)  # want: ASL202


async def dequeue(conn):
    service = QueueServiceClient.from_connection_string(conn)
    queue = service.get_queue_client("jobs")
    msg = queue.receive_message()  # want: ASL202
    return msg


def enqueue_sync(conn, body):
    QueueClient.from_connection_string(conn, "jobs").send_message(body)
