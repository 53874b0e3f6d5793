# A project subclass of Telethon's client. Its private helpers are the
# library's own mix of plain and async methods (telethon/sync.py syncifies
# only the public names): a call of one is not taken for a coroutine.
from telethon import TelegramClient


class BridgeClient(TelegramClient):
    async def send_text(self, entity, text, reply_to=None):
        entity = await self.get_input_entity(entity)
        message_id = self._get_message_id(reply_to)
        result = await self(object())
        return self._get_response_message(object(), result, entity), message_id

    async def whoami(self):
        me = self.get_me()  # want: ASL102 "coroutine `self.get_me\(\)` is never awaited"
        return me.username
