import asyncio


class Channel:
    name = "base"
    cost = 0.0

    def __init__(self):
        self.sent = 0

    async def send(self, user, text):
        await asyncio.sleep(self.cost)
        self.sent += 1
        return f"{self.name}:{user}"


class Email(Channel):
    name = "email"
    cost = 0.06


class Sms(Channel):
    name = "sms"
    cost = 0.04

    async def send(self, user, text):
        if len(text) > 20:
            text = text[:20]
        return await super().send(user, text)


class Push(Channel):
    name = "push"
    cost = 0.01


CHANNELS = {cls.name: cls for cls in (Email, Sms, Push)}
