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
