# Reduced shape of https://github.com/snowby666/poe-api-wrapper/issues/168
# (`await f()[k]`: the coroutine is subscripted before the await); not the project's code.
class Api:
    async def get_chat_history(self, bot):
        return {"data": {bot: []}}

    async def send(self, bot):
        history = (await self.get_chat_history(bot=bot))["data"][bot]
        return history
