import discord
from aiogram import Dispatcher, Router
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
router = Router()
dp = Dispatcher()


@bot.command()
async def ping(ctx):
    ctx.send("pong")  # want: ASL102


@bot.event
async def on_message(message):
    if message.author == bot.user:
        return
    message.channel.send("echo")  # want: ASL102
    await bot.process_commands(message)


@bot.tree.command()
async def hello(interaction):
    interaction.response.send_message("hi")  # want: ASL102


class Fun(commands.Cog):
    @commands.command()
    async def roll(self, ctx, sides: int = 6):
        ctx.reply(str(sides))  # want: ASL102

    @commands.Cog.listener()
    async def on_member_join(self, member):
        member.send("welcome")  # want: ASL102


class MyClient(discord.Client):
    async def on_message(self, message):
        message.reply("hi")  # want: ASL102


@router.message()
async def echo(message):
    message.answer(message.text)  # want: ASL102


@dp.callback_query()
async def button(callback):
    callback.answer("ok")  # want: ASL102


async def unrelated(ctx, message):
    ctx.send("x")
    message.answer("y")
