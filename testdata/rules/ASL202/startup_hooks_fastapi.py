# A web framework's start-up hook runs before its server accepts a
# connection: uvicorn awaits the lifespan's start-up before it binds its
# sockets, so code a FastAPI or Starlette lifespan runs before its first
# await, async for, async with or yield, and before it starts any task,
# stalls nobody (a model loaded once at start-up). The same as a new loop's
# main coroutine before its first await (guards.py); a deliberate difference
# from flake8-async for the ASYNC2xx codes. After the yield is shutdown:
# the tasks and clients the start-up began still run, and it is reported.
import asyncio
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sentence_transformers import SentenceTransformer
from starlette.applications import Starlette

model = None


async def refresh_index():
    while True:
        await asyncio.sleep(60)


@asynccontextmanager
async def lifespan(app):
    global model
    model = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: nothing is served or running yet
    model.encode(["warmup"])  # quiet
    yield
    model.encode(["bye"])  # want: ASL202


app = FastAPI(lifespan=lifespan)


@app.post("/embed")
async def embed(texts: list[str]):
    return model.encode(texts).tolist()  # want: ASL202


@asynccontextmanager
async def lifespan_with_task(app):
    task = asyncio.create_task(refresh_index())
    app.state.model = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
    yield
    task.cancel()


with_task = FastAPI(lifespan=lifespan_with_task)


@asynccontextmanager
async def lifespan_after_await(app):
    await asyncio.sleep(0)
    app.state.model = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
    yield


after_await = Starlette(lifespan=lifespan_after_await)


async def lifespan_plain_generator(app):
    app.state.model = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: Starlette also takes a bare async generator
    yield


plain = Starlette(lifespan=lifespan_plain_generator)


@asynccontextmanager
async def lifespan_called_elsewhere(app):
    app.state.model = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
    yield


called = FastAPI(lifespan=lifespan_called_elsewhere)


async def reload(app):
    async with lifespan_called_elsewhere(app):  # a request may enter it again while others are served
        pass
