# Coroutine methods of async libraries, reached through constructors,
# annotations, context managers and handler parameters.
import aioboto3
import aiofiles
import redis.asyncio as aioredis
from aiobotocore.session import get_session
from aiogram import Bot
from discord.ext import commands
from fastapi import FastAPI, Request, WebSocket
from motor.motor_asyncio import AsyncIOMotorClient
from openai import AsyncOpenAI
from pyrogram import Client
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from telethon import TelegramClient

app = FastAPI()
engine = create_async_engine("sqlite+aiosqlite://")
Session = async_sessionmaker(engine)
bot = commands.Bot(command_prefix="!")


async def telethon_me(client: TelegramClient) -> str:
    me = client.get_me()  # want: ASL102
    return me.username


async def telethon_ok(client: TelegramClient) -> str:
    me = await client.get_me()
    client.add_event_handler(print)
    return me.username


async def pyrogram_send(app: Client, chat_id: int) -> None:
    app.send_message(chat_id, "hi")  # want: ASL102
    await app.send_message(chat_id, "hi")


def pyrogram_sync(app: Client, chat_id: int) -> None:
    # Quiet: pyrogram runs its methods synchronously outside a running loop.
    app.send_message(chat_id, "hi")


async def aiogram_send(bot: Bot, chat_id: int) -> None:
    bot.send_message(chat_id, "hi")  # want: ASL102
    await bot.send_message(chat_id, "hi")


@bot.command()
async def ask(ctx, *, question: str):
    reply = bot.wait_for("message", timeout=30)  # want: ASL102
    await ctx.send(reply.content)


@bot.command()
async def ask_ok(ctx, *, question: str):
    reply = await bot.wait_for("message", timeout=30)
    await ctx.send(reply.content)


async def get_user(session: AsyncSession, user_id: int):
    result = session.execute(f"select {user_id}")  # want: ASL102
    return result.scalar_one_or_none()


async def remove_user(user) -> None:
    async with Session() as session:
        session.delete(user)  # want: ASL102
        session.add(user)
        await session.commit()


async def remove_user_ok(session: AsyncSession, user) -> None:
    await session.delete(user)
    session.add(user)
    await session.commit()


async def upload(key: str, body: bytes) -> None:
    async with get_session().create_client("s3") as s3:
        s3.put_object(Bucket="b", Key=key, Body=body)  # want: ASL102
        paginator = s3.get_paginator("list_objects_v2")
        await s3.put_object(Bucket="b", Key=key, Body=body)


async def upload3(key: str) -> None:
    session = aioboto3.Session()
    async with session.client("s3") as s3:
        s3.delete_object(Bucket="b", Key=key)  # want: ASL102


async def find(name: str) -> dict:
    client = AsyncIOMotorClient("mongodb://localhost")
    doc = client.shop.users.find_one({"name": name})  # want: ASL102
    cursor = client.shop.users.find({"name": name})
    return doc["_id"]


async def cache(key: str) -> None:
    r = aioredis.from_url("redis://localhost")
    if r.exists(key):  # want: ASL102
        return
    pipe = r.pipeline()
    await r.set(key, 1)


@app.post("/items")
async def create_item(request: Request) -> dict:
    data = request.json()  # want: ASL102
    return {"name": data["name"]}


@app.websocket("/ws")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    websocket.send_text("hi")  # want: ASL102


async def complete(prompt: str) -> str:
    client = AsyncOpenAI()
    response = client.chat.completions.create(model="m", messages=[])  # want: ASL102
    return response.choices[0].message.content


async def read_config(path: str) -> dict:
    import json
    async with aiofiles.open(path) as f:
        return json.loads(f.read())  # want: ASL102


async def read_config_ok(path: str) -> str:
    async with aiofiles.open(path) as f:
        return await f.read()


async def scrape(url: str) -> str:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = browser.new_page()  # want: ASL102
        await page.goto(url)
        ok_page = await browser.new_page()
        await ok_page.goto(url)
        title = ok_page.title()  # want: ASL102
        return title.upper()


class Scraper:
    # The Playwright object of `await async_playwright().start()`, followed
    # through attributes to a browser context.
    async def __aenter__(self):
        from playwright.async_api import async_playwright

        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch()
        self._context = await self._browser.new_context()
        return self

    async def fresh_page(self):
        self._context.clear_cookies()  # want: ASL102
        await self._context.clear_cookies()
        self._context.set_default_navigation_timeout(1000)  # quiet: synchronous in Playwright
        page = await self._context.new_page()
        page.route("**/*", print)  # want: ASL102
        return page

    async def __aexit__(self, *exc):
        await self._context.close()
        self._playwright.stop()  # want: ASL102


async def scrape_pyppeteer(url: str) -> str:
    import pyppeteer

    browser = await pyppeteer.launch()
    page = await browser.newPage()
    page.goto(url)  # want: ASL102
    return await page.content()


class Download:
    async def open(self, path: str) -> None:
        # Quiet: the file context manager is entered by hand.
        self.file_manager = aiofiles.open(path)
        self.file = await self.file_manager.__aenter__()

    async def close(self) -> None:
        await self.file_manager.__aexit__(None, None, None)


# An S3 object's body is a stream whose read() is a coroutine; the unawaited
# read is written to a file as if it were the bytes.
import aioboto3


async def download(bucket, key, path):
    session = aioboto3.Session()
    async with session.client("s3") as s3:
        obj = await s3.get_object(Bucket=bucket, Key=key)
        data = obj["Body"].read()  # want: ASL102 "passed to `f\.write\(\)`, which reads it as data"
        body = await obj["Body"].read()  # quiet: awaited
        with open(path, "wb") as f:
            f.write(data)
            f.write(body)
        other = obj["Metadata"].read()  # quiet: an item the table does not know
        return other
