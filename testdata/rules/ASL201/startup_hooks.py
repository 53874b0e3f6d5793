# A chain through helpers in a web framework's start-up hook, before the
# hook first suspends or starts a task, stalls nobody: the server serves
# after the start-up (ASL202's startup_hooks_*.py). After the yield is
# shutdown, and a route handler is served beside other requests.
import asyncio
from contextlib import asynccontextmanager

import requests
from fastapi import FastAPI


def ensure_collection():
    requests.put("http://qdrant:6333/collections/docs", timeout=5)


def drop_cache():
    requests.delete("http://qdrant:6333/collections/cache", timeout=5)


@asynccontextmanager
async def lifespan(app):
    ensure_collection()  # quiet: before uvicorn serves anything
    yield
    drop_cache()  # want: ASL201


app = FastAPI(lifespan=lifespan)


@app.post("/reset")
async def reset():
    ensure_collection()  # want: ASL201


@app.on_event("startup")
async def ignored_with_a_lifespan():
    await asyncio.sleep(0)
