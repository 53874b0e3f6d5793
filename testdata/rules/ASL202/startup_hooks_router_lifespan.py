# A router's lifespan (`APIRouter(lifespan=...)`, Starlette's
# `Router(lifespan=...)`) is start-up code like the application's:
# include_router nests it inside the application's lifespan and the server
# serves only after the merged start-up, so a model loaded before its first
# await or yield stalls nobody. After the yield, and after an await or a
# started task, the loop is shared and the load is reported.
import asyncio
from contextlib import asynccontextmanager

from fastapi import APIRouter
from sentence_transformers import SentenceTransformer
from starlette.routing import Router

models = {}


async def refresh_index():
    while True:
        await asyncio.sleep(60)


@asynccontextmanager
async def router_lifespan(app):
    models["embed"] = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: nothing is served or running yet
    models["embed"].encode(["warmup"])  # quiet
    yield
    models["embed"].encode(["bye"])  # want: ASL202


router = APIRouter(prefix="/embed", lifespan=router_lifespan)


@router.post("/")
async def embed(texts: list[str]):
    return models["embed"].encode(texts).tolist()  # want: ASL202


@asynccontextmanager
async def router_lifespan_with_task(app):
    task = asyncio.create_task(refresh_index())
    models["other"] = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
    yield
    task.cancel()


with_task = APIRouter(lifespan=router_lifespan_with_task)


async def starlette_router_lifespan(app):
    models["s"] = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: Starlette's Router takes a bare async generator
    yield


plain = Router(lifespan=starlette_router_lifespan)


@asynccontextmanager
async def router_lifespan_after_await(app):
    await asyncio.sleep(0)
    models["late"] = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
    yield


after_await = APIRouter(lifespan=router_lifespan_after_await)


@asynccontextmanager
async def lifespan_called_elsewhere(app):
    models["again"] = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202
    yield


called = APIRouter(lifespan=lifespan_called_elsewhere)


async def reload(app):
    async with lifespan_called_elsewhere(app):  # a request may enter it again while others are served
        pass


async def on_start():
    models["h"] = SentenceTransformer("all-MiniLM-L6-v2")  # want: ASL202


# A router's on_startup handlers run after the application's, which this
# module cannot see: not start-up code known to run first.
handlers = APIRouter(on_startup=[on_start])
