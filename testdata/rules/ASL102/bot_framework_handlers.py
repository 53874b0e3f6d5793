import discord
from aiogram import Bot, Router, types
from aiogram.filters import CommandStart
from discord.ext import commands
from telegram import Update
from telegram.ext import ContextTypes

router = Router()
bot = Bot(token="x")
dbot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


@router.message(CommandStart())
async def start(message: types.Message):
    message.answer("Hello!")  # want: ASL102
    bot.send_message(message.chat.id, "hi")  # want: ASL102
    await message.reply("ok")


@router.callback_query()
async def on_button(callback: types.CallbackQuery):
    callback.answer()  # want: ASL102


@dbot.command()
async def ping(ctx: commands.Context):
    ctx.send("pong")  # want: ASL102


async def on_msg(message: discord.Message):
    message.reply("hi")  # want: ASL102
    message.channel.send("hey")  # want: ASL102
    message.add_reaction("👍")  # want: ASL102


async def slash(interaction: discord.Interaction):
    interaction.response.send_message("hi")  # want: ASL102


async def tg_start(update: Update, context: ContextTypes.DEFAULT_TYPE):
    update.message.reply_text("Hello")  # want: ASL102
    context.bot.send_message(chat_id=update.effective_chat.id, text="hi")  # want: ASL102
