# The MCP SDK's client transports are @asynccontextmanager functions and
# its ClientSession has only __aenter__/__aexit__: a plain `with` raises.
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

params = StdioServerParameters(command="python", args=["server.py"])


async def list_tools():
    with stdio_client(params) as (read, write):  # want: ASL108 "stdio_client"
        async with ClientSession(read, write) as session:
            await session.initialize()
            return await session.list_tools()


async def call(read, write):
    with ClientSession(read, write) as session:  # want: ASL108
        return await session.call_tool("add", {"a": 1, "b": 2})


# Quiet: entered with `async with`; another library's stdio_client-like
# context manager.
async def list_tools_ok():
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return await session.list_tools()


class Pipe:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


async def pipe():
    with Pipe() as p:
        return p
