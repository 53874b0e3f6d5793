from app.base import Transport


class Service:
    def __init__(self, transport: Transport):
        self.transport = transport

    async def emit(self, topic, payload):
        self.transport.publish(topic, payload)  # want: ASL102
        # Quiet: LocalTransport.close is synchronous.
        self.transport.close()
        await self.transport.publish(topic, payload)
