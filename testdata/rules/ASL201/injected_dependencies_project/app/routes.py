import asyncio

from fastapi import Depends, FastAPI, Security
from fastmcp import FastMCP
from fastmcp.dependencies import Depends as ToolDepends

from app.clients import ApiClient, client_session, get_async_client, get_client
from app.registry import Inject

app = FastAPI()
mcp = FastMCP("items")


def local_client():
    return ApiClient("https://local.example.com")


# FastAPI calls the dependency and passes what it returns: an ApiClient,
# whose fetch makes a blocking requests call.
@app.get("/items")
async def list_items(client=Depends(get_client)):
    return client.fetch("items")  # want: ASL201 "`client.fetch\(\)` blocks the event loop in async function `list_items`"


# A generator dependency of another module: what it yields.
@app.get("/users")
async def list_users(client=Depends(client_session)):
    return client.fetch("users")  # want: ASL201


# A class as the dependency: an instance of it; `dependency=` by keyword.
@app.get("/orders")
async def list_orders(client=Security(dependency=ApiClient)):
    return client.fetch("orders")  # want: ASL201


# fastmcp's Depends in a tool, a dependency of the same module.
@mcp.tool()
async def search(query: str, client=ToolDepends(local_client)):
    return client.fetch(f"search?q={query}")  # want: ASL201


# Quiet: the async client's fetch is a coroutine, and it is awaited.
@app.get("/async-items")
async def list_async_items(client=Depends(get_async_client)):
    return await client.fetch("items")


# Quiet: the blocking call runs in a thread.
@app.get("/threaded")
async def threaded(client=Depends(get_client)):
    return await asyncio.to_thread(client.fetch, "items")


# Quiet: a synchronous handler (FastAPI runs it in its thread pool).
@app.get("/sync-items")
def list_sync_items(client=Depends(get_client)):
    return client.fetch("items")


# Quiet: a default that is no dependency-injection marker of a known
# framework says nothing about what the parameter holds.
async def by_other_framework(client=Inject(get_client)):
    return client.fetch("items")


# Quiet: `Depends()` without a dependency names none (FastAPI then uses
# the annotation, absent here).
@app.get("/bare")
async def bare(client=Depends()):
    return client.fetch("items")
