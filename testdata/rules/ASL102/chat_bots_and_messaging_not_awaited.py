# Chat-bot frameworks and messaging clients the twenty-third session's
# library audit added (docs/pylib-coverage.md, libcov23b): each call returns
# a coroutine that does nothing until awaited. Quiet: awaited, in sync code
# where the library is sync, and same-named methods of other objects.
import hikari
import lightbulb
import tanjun
import interactions
from twitchio.ext import commands as tcommands

bot = hikari.GatewayBot(token="...")


@bot.listen()
async def on_message(event: hikari.GuildMessageCreateEvent) -> None:
    if event.message.content == "!ping":
        event.message.respond("Pong!")  # want: ASL102


@bot.listen()
async def on_dm(event: hikari.DMMessageCreateEvent) -> None:
    event.app.rest.create_message(event.channel_id, "hi")  # want: ASL102


async def announce(channel_id, text):
    bot.rest.create_message(channel_id, text)  # want: ASL102


async def announce_with_token(token, channel_id, text):
    rest = hikari.RESTApp()
    await rest.start()
    async with rest.acquire(token, "BOT") as client:
        client.create_message(channel_id, text)  # want: ASL102


async def answer_interaction(interaction: hikari.CommandInteraction):
    interaction.create_initial_response(hikari.ResponseType.MESSAGE_CREATE, "ok")  # want: ASL102


# lightbulb 2: the handler's context responds with a coroutine.
lb = lightbulb.BotApp(token="...")


@lb.command
@lightbulb.command("ping", "Checks that the bot is alive")
@lightbulb.implements(lightbulb.SlashCommand)
async def ping(ctx: lightbulb.SlashContext) -> None:
    ctx.respond("Pong!")  # want: ASL102


async def lb_announce(ctx: lightbulb.Context, channel_id) -> None:
    ctx.app.rest.create_message(channel_id, "hello")  # want: ASL102


# Tanjun.
async def tanjun_ping(ctx: tanjun.abc.SlashContext) -> None:
    ctx.defer()  # want: ASL102
    await ctx.respond("Pong!")


async def tanjun_message(ctx: tanjun.abc.MessageContext) -> None:
    ctx.respond("Pong!")  # want: ASL102


# interactions.py 5.
@interactions.slash_command(name="hello", description="Say hello")
async def hello(ctx: interactions.SlashContext):
    ctx.send("Hello!")  # want: ASL102


async def on_button(ctx: interactions.ComponentContext):
    ctx.edit_origin(content="clicked")  # want: ASL102


# TwitchIO 2: a command's context, annotated or not.
class TwitchBot(tcommands.Bot):
    @tcommands.command()
    async def hello(self, ctx):
        ctx.send(f"Hello {ctx.author.name}!")  # want: ASL102

    @tcommands.command()
    async def where(self, ctx: tcommands.Context):
        ctx.channel.send("here")  # want: ASL102


# python-telegram-bot 20: the chat and user shortcuts, and files.
from telegram import Update
from telegram.ext import ContextTypes


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    update.effective_chat.send_message("Hi!")  # want: ASL102


async def photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    file = await context.bot.get_file(update.message.photo[-1].file_id)
    file.download_to_drive("photo.jpg")  # want: ASL102


async def contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    update.message.reply_contact(phone_number="+1", first_name="A")  # want: ASL102


# Slack Bolt's AsyncApp: listeners get ack, say, respond and client by name.
from slack_bolt.async_app import AsyncApp

app = AsyncApp(token="xoxb-...")


@app.command("/hello")
async def hello_command(ack, body, say):
    ack()  # want: ASL102
    await say(f"Hi <@{body['user_id']}>!")


@app.event("app_mention")
async def mention(event, say):
    say("You called?")  # want: ASL102


@app.action("button_click")
async def button(ack, client, body):
    await ack()
    client.chat_postMessage(channel=body["channel"]["id"], text="clicked")  # want: ASL102


@app.shortcut("open_modal")
async def shortcut(ack, respond):
    await ack()
    respond("done")  # want: ASL102


# aiomqtt / asyncio-mqtt, FastStream, nats-py.
import aiomqtt
import asyncio_mqtt
from faststream.kafka import KafkaBroker
import nats


async def mqtt_publish(payload):
    async with aiomqtt.Client("broker") as client:
        client.publish("sensors/temp", payload=payload)  # want: ASL102
        await client.subscribe("sensors/#")


async def mqtt_old(payload):
    async with asyncio_mqtt.Client("broker") as client:
        client.subscribe("sensors/#")  # want: ASL102


broker = KafkaBroker("localhost:9092")
out = broker.publisher("out-topic")


async def forward(event):
    broker.publish(event, topic="in-topic")  # want: ASL102
    out.publish(event)  # want: ASL102


async def nats_worker():
    nc = await nats.connect("nats://localhost:4222")
    sub = await nc.subscribe("jobs")
    msg = await sub.next_msg(timeout=5)
    msg.respond(b"done")  # want: ASL102
    js = nc.jetstream()
    kv = await js.key_value("config")
    kv.put("mode", b"fast")  # want: ASL102


# Quiet: awaited.
@bot.listen()
async def on_message_awaited(event: hikari.GuildMessageCreateEvent) -> None:
    await event.message.respond("Pong!")
    await bot.rest.create_message(event.channel_id, "ok")


async def ping_awaited(ctx: lightbulb.SlashContext) -> None:
    await ctx.respond("Pong!")


async def hello_awaited(ctx: interactions.SlashContext):
    await ctx.send("Hello!")


@app.command("/bye")
async def bye(ack, say, respond):
    await ack()
    await say("bye")
    await respond("bye")


async def forward_awaited(event):
    await broker.publish(event, topic="in-topic")
    await out.publish(event)


async def nats_awaited():
    nc = await nats.connect()
    sub = await nc.subscribe("jobs")
    msg = await sub.next_msg()
    await msg.respond(b"ok")


# Quiet: a listener of another framework whose parameter is called `say`
# (no Slack decorator), a sync function, and other objects' same names.
async def not_slack(say, ack):
    say("hello")
    ack()


def sync_code(message, channel):
    message.respond("x")
    channel.send("x")


async def other_objects(queue, publisher, ctx):
    queue.publish("x")
    publisher.publish("x")
    ctx.respond("x")


# Pycord (installed as `discord`): slash commands get an ApplicationContext.
import discord

pycord_bot = discord.Bot()


@pycord_bot.slash_command(name="hello")
async def pycord_hello(ctx):
    ctx.respond("Hello!")  # want: ASL102


@pycord_bot.slash_command(name="slow")
async def pycord_slow(ctx: discord.ApplicationContext):
    ctx.defer()  # want: ASL102
    await ctx.send_followup("done")


@pycord_bot.slash_command(name="hello_awaited")
async def pycord_hello_awaited(ctx):
    await ctx.respond("Hello!")
