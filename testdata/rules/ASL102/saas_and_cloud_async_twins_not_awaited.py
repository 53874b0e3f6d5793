# The async twins of the SaaS and cloud SDKs the twenty-third session's
# library audit added (docs/pylib-coverage.md, libcov23b): Twilio's
# `_async` methods, Azure Event Hubs' and Tables' aio clients.
from twilio.rest import Client
from twilio.http.async_http_client import AsyncTwilioHttpClient


async def send_sms(to, body):
    client = Client("AC...", "token", http_client=AsyncTwilioHttpClient())
    client.messages.create_async(to=to, from_="+1", body=body)  # want: ASL102


async def message_status(sid):
    client = Client("AC...", "token", http_client=AsyncTwilioHttpClient())
    msg = client.messages(sid).fetch_async()  # want: ASL102
    return msg.status


from azure.eventhub.aio import EventHubProducerClient, EventHubConsumerClient
from azure.data.tables.aio import TableServiceClient


async def publish(conn, batch):
    producer = EventHubProducerClient.from_connection_string(conn, eventhub_name="hub")
    async with producer:
        producer.send_batch(batch)  # want: ASL102


async def partitions(conn):
    consumer = EventHubConsumerClient.from_connection_string(conn, consumer_group="$Default")
    return consumer.get_partition_ids()  # want: ASL102


async def save(conn, row):
    service = TableServiceClient.from_connection_string(conn)
    table = await service.create_table_if_not_exists("rows")
    table.upsert_entity(row)  # want: ASL102


# Quiet: awaited.
async def send_sms_awaited(to, body):
    client = Client("AC...", "token", http_client=AsyncTwilioHttpClient())
    await client.messages.create_async(to=to, from_="+1", body=body)


async def save_awaited(conn, row):
    service = TableServiceClient.from_connection_string(conn)
    table = service.get_table_client("rows")
    await table.upsert_entity(row)


# Slack's async incoming-webhook client.
from slack_sdk.webhook.async_client import AsyncWebhookClient


async def notify(url, text):
    hook = AsyncWebhookClient(url)
    hook.send(text=text)  # want: ASL102


# LINE's async Messaging API, the Bot Framework's turn context, aioapns,
# gcloud-aio.
from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, Configuration, ReplyMessageRequest, TextMessage
from botbuilder.core import ActivityHandler, ConversationState, TurnContext
from aioapns import APNs, NotificationRequest
from gcloud.aio.storage import Storage

line_bot_api = AsyncMessagingApi(AsyncApiClient(Configuration(access_token="...")))


async def handle_line_message(event):
    line_bot_api.reply_message(  # want: ASL102
        ReplyMessageRequest(reply_token=event.reply_token, messages=[TextMessage(text=event.message.text)])
    )


class EchoBot(ActivityHandler):
    def __init__(self, conversation_state: ConversationState):
        self.conversation_state = conversation_state
        self.counter = conversation_state.create_property("counter")

    async def on_message_activity(self, turn_context: TurnContext):
        turn_context.send_activity(f"You said {turn_context.activity.text}")  # want: ASL102
        count = await self.counter.get(turn_context, 0)
        self.counter.set(turn_context, count + 1)  # want: ASL102
        await self.conversation_state.save_changes(turn_context)


async def push(apns: APNs, token):
    apns.send_notification(NotificationRequest(device_token=token, message={"aps": {"alert": "hi"}}))  # want: ASL102


async def upload(bucket, name, data):
    async with Storage() as storage:
        storage.upload(bucket, name, data)  # want: ASL102


# Quiet: awaited.
async def handle_line_message_awaited(event):
    await line_bot_api.reply_message(ReplyMessageRequest(reply_token=event.reply_token, messages=[]))


async def upload_awaited(bucket, name, data):
    storage = Storage()
    await storage.upload(bucket, name, data)
    await storage.close()


# Azure Queue storage, aio clients.
from azure.storage.queue.aio import QueueClient


async def enqueue(conn, body):
    queue = QueueClient.from_connection_string(conn, "jobs")
    queue.send_message(body)  # want: ASL102


async def enqueue_awaited(conn, body):
    async with QueueClient.from_connection_string(conn, "jobs") as queue:
        await queue.send_message(body)
