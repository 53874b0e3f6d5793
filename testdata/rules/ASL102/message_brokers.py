# aio-pika (RabbitMQ) and aiokafka clients.
from typing import Optional

import aio_pika
from aio_pika.abc import AbstractIncomingMessage
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


class Worker:
    def __init__(self, url: str) -> None:
        self.url = url
        self.channel: Optional[aio_pika.Channel] = None
        self.producer = AIOKafkaProducer(bootstrap_servers="localhost")

    async def start(self) -> None:
        connection = await aio_pika.connect_robust(self.url)
        self.channel = await connection.channel()
        queue = await self.channel.declare_queue("jobs")
        queue.consume(self.on_message)  # want: ASL102
        self.channel.set_qos(prefetch_count=1)  # want: ASL102
        self.channel.default_exchange.publish(aio_pika.Message(b"hi"), routing_key="jobs")  # want: ASL102
        self.producer.start()  # want: ASL102

    async def on_message(self, message: AbstractIncomingMessage) -> None:
        message.ack()  # want: ASL102 "coroutine `message.ack\(\)` is never awaited"

    async def start_ok(self) -> None:
        # Quiet: awaited; channel() entered with `async with`; iterator() and
        # process() return at once; a sync aiokafka method.
        connection = await aio_pika.connect(self.url)
        async with connection.channel() as channel:
            queue = await channel.declare_queue("jobs")
            async with queue.iterator() as messages:
                async for message in messages:
                    async with message.process():
                        pass
            await channel.default_exchange.publish(aio_pika.Message(b"hi"), routing_key="jobs")
        await self.producer.start()
        await self.producer.send_and_wait("jobs", b"hi")


async def consume(consumer: AIOKafkaConsumer) -> None:
    consumer.commit()  # want: ASL102
    await consumer.start()
    async for record in consumer:
        print(record.value)
    consumer.assignment()


# The channel an awaited `connection.channel()` gives, kept unannotated on
# self by a base class: its default exchange's publish is a coroutine.
class RabbitmqBase:
    connection = None
    channel = None

    async def connect(self, host, port):
        self.connection = await aio_pika.connect(host=host, port=port)
        self.channel = await self.connection.channel()


class APIPub(RabbitmqBase):
    def publish(self, data: bytes):
        self.channel.default_exchange.publish(aio_pika.Message(data), routing_key="api")  # want: ASL102


class NotificationPub(RabbitmqBase):
    async def publish(self, data: bytes):
        await self.channel.default_exchange.publish(aio_pika.Message(data), routing_key="notifications")


async def robust_publisher(url: str):
    connection = await aio_pika.connect_robust(url)
    channel = await connection.channel()
    channel.default_exchange.publish(aio_pika.Message(b"x"), routing_key="q")  # want: ASL102
    await channel.default_exchange.publish(aio_pika.Message(b"y"), routing_key="q")
    await channel.close()
