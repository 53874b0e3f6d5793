# maubot's MessageEvent: respond, reply and mark_read return the Matrix
# client's coroutine (declared `-> Awaitable[...]` in maubot/matrix.py).
from maubot import MessageEvent, Plugin
from maubot.handlers import command
from maubot.matrix import MaubotMessageEvent
from mautrix.types import MessageEvent as PlainMessageEvent


class WeatherBot(Plugin):
    @command.new("weather")
    async def weather_handler(self, evt: MessageEvent) -> None:
        resp = await self.http.get("http://wttr.in/x.png")
        if resp.status != 200:
            evt.respond("error getting location")  # want: ASL102
        await evt.respond("ok")

    @command.new("ping")
    async def ping(self, evt: MaubotMessageEvent) -> None:
        evt.reply("pong")  # want: ASL102
        await evt.mark_read()

    async def read(self, evt: MessageEvent) -> None:
        evt.mark_read()  # want: ASL102


class Echo:
    def respond(self, text):
        return text


async def quiet(evt: PlainMessageEvent, echo: Echo) -> None:
    # mautrix's own MessageEvent has no respond; a project class's sync
    # respond is not a coroutine.
    evt.respond("x")
    echo.respond("y")
