# python-telegram-bot's Bot keeps a camelCase alias of each Bot API method
# (`sendMessage = send_message`, `getMe = get_me`, ...), the same coroutine
# function from v20 on. In async code a call of one without await is the
# dropped coroutine `send_message()` is; in sync code of a module that
# nothing says is written for v20 it stays quiet (v13's methods were
# plain methods), as the snake_case names do (an earthquake monitor's alert
# thread: `self.telegram.sendMessage(chat_id=..., text=message)`).
import telegram as tg


class Alerts:
    def __init__(self, token, chat_id):
        self.chat_id = chat_id
        self.telegram = tg.Bot(token=token)

    async def alarm(self, message):
        self.telegram.sendMessage(chat_id=self.chat_id, text=message)  # want: ASL102 "coroutine `self\.telegram\.sendMessage\(\)` is never awaited"

    async def alarm_awaited(self, message):
        # Quiet: awaited.
        await self.telegram.sendMessage(chat_id=self.chat_id, text=message)

    async def who(self):
        me = self.telegram.getMe()  # want: ASL102 "its attribute `username` is read on the coroutine object"
        return me.username

    async def photo(self, image):
        # Quiet: awaited, under its camelCase name.
        return await self.telegram.sendPhoto(chat_id=self.chat_id, photo=image)

    def alarm_from_thread(self, message):
        # Quiet: synchronous code, and nothing here says python-telegram-bot 20.
        self.telegram.sendMessage(chat_id=self.chat_id, text=message)
