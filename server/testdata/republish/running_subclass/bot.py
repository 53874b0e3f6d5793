from base_bot import BotBase


class MyBot(BotBase):
    async def refresh(self):
        pass
