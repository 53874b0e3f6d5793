import asyncio

import discord


class Bot(discord.Client):
    def __init__(self):
        super().__init__(intents=discord.Intents.default())
        self.db_loop = asyncio.new_event_loop()

    async def load_user(self, user_id):
        await asyncio.sleep(0)
        return {"id": user_id}

    def get_user_sync(self, user_id):
        return self.db_loop.run_until_complete(self.load_user(user_id))

    def get_user_runner(self, user_id):
        with asyncio.Runner() as runner:
            return runner.run(self.load_user(user_id))

    async def on_message(self, message):
        user = self.get_user_sync(message.author.id)  # want: ASL101
        other = self.get_user_runner(message.author.id)  # want: ASL101
        await message.channel.send(str(user) + str(other))


def main():
    bot = Bot()
    bot.run("token")
