from app.base import Transport


class LocalTransport(Transport):
    async def publish(self, topic, payload):
        return payload

    def close(self):
        return None
