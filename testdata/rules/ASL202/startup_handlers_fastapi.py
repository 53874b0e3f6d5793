# Start-up event handlers (`@app.on_event("startup")`, `on_startup=[...]`,
# `add_event_handler("startup", f)`) run one after another before the
# server serves. The first stalls nobody before it first awaits; a later one
# runs after the earlier ones, which may have started background work (a
# consumer's fetch task), unless each of them started nothing. A handler
# that is not a start-up hook (`"shutdown"`, a route) is reported.
import asyncio

from fastapi import FastAPI
from sentence_transformers import SentenceTransformer

app = FastAPI()
state = {}


@app.on_event("startup")
async def load_model():
    state["model"] = SentenceTransformer("all-MiniLM-L6-v2")  # quiet: the first start-up handler
    await asyncio.sleep(0)
    state["model"].encode(["warmup"])  # want: ASL202


@app.on_event("startup")
async def load_reranker():
    state["reranker"] = SentenceTransformer("reranker")  # want: ASL202


@app.on_event("shutdown")
async def unload():
    state["model"].encode(["bye"])  # want: ASL202


async def first_quiet():
    state["a"] = SentenceTransformer("a")  # quiet: first, and starts nothing


async def second_after_quiet():
    state["b"] = SentenceTransformer("b")  # quiet: the handler before it started nothing


listed = FastAPI(on_startup=[first_quiet])
listed.add_event_handler("startup", second_after_quiet)


async def handler_of_merged_app():
    state["c"] = SentenceTransformer("c")  # want: ASL202


merged = FastAPI()
merged.add_event_handler("startup", handler_of_merged_app)
merged.include_router(object())  # the router's own start-up handlers run first
