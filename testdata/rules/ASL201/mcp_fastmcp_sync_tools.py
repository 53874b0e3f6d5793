# The MCP Python SDK 1.x's FastMCP (mcp.server.fastmcp) calls a synchronous
# tool function directly on the event loop's thread: Tool.run awaits
# FuncMetadata.call_fn_with_arg_validation, which ends in
# `return fn(**arguments_parsed_dict)` for a plain def (python-sdk,
# src/mcp/server/fastmcp/utilities/func_metadata.py; python-sdk#1646). A
# blocking call in such a tool stalls the whole server: every other tool
# call, ping and notification waits for it.
import time

import requests
from fastmcp import FastMCP as StandaloneFastMCP
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("demo")


def fetch(url):
    return requests.get(url).json()


@mcp.tool()
def weather(city: str) -> dict:
    return requests.get("https://api.example.com/w", params={"q": city}).json()  # want: ASL201 "`requests.get\(\)` blocks the event loop in `weather`, a synchronous tool of the MCP SDK's FastMCP"


@mcp.tool()
def via_helper(url: str) -> dict:
    return fetch(url)  # want: ASL201 "it calls blocking `requests.get\(\)`"


@mcp.tool(name="slow", description="sleeps")
def slow() -> str:
    time.sleep(1)  # want: ASL201
    return "ok"


@mcp.tool()
async def fine(url: str) -> str:
    return url  # an async tool: the ordinary rules read it


@mcp.tool()
def pure(a: int, b: int) -> int:
    return a + b  # nothing blocking: quiet


def plain(url):
    return requests.get(url).text  # not a tool: quiet


def register(server: FastMCP) -> None:
    @server.tool()
    def inner(url: str) -> str:
        return requests.get(url).text  # want: ASL201


# The standalone fastmcp package is not the record: its newer releases run a
# sync tool in a worker thread (fastmcp.utilities.async_utils.call_sync_fn_in_threadpool).
other = StandaloneFastMCP("x")


@other.tool()
def standalone(url: str) -> str:
    return requests.get(url).text  # quiet
