# The MCP SDK's ClientSession sends every request with an `async def`
# (list_tools, call_tool, read_resource, initialize...). A call without await
# sends nothing, and the client then reads the coroutine object as the reply.
# The session comes from `async with ClientSession(...) as session`, from an
# annotation, or from an exit stack (`await stack.enter_async_context(cm)`
# gives what `async with cm as x` binds).
from contextlib import AsyncExitStack

from mcp import ClientSession
from mcp.client.stdio import stdio_client


class Chatbot:
    def __init__(self):
        self.session: ClientSession = None

    async def process(self, name, args):
        result = self.session.call_tool(name, args)  # want: ASL102 "its attribute `content` is read"
        return result.content


class Client:
    def __init__(self):
        self.exit_stack = AsyncExitStack()

    async def connect(self, params):
        read, write = await self.exit_stack.enter_async_context(stdio_client(params))
        self.session = await self.exit_stack.enter_async_context(ClientSession(read, write))
        self.session.initialize()  # want: ASL102

    async def tools(self):
        response = self.session.list_tools()  # want: ASL102 "its attribute `tools` is read"
        return [tool.name for tool in response.tools]


async def read(params, uri):
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            return session.read_resource(uri).contents  # want: ASL102


# Quiet: awaited, or the exit stack entering a project class whose method of
# the same name is synchronous.
class Awaited:
    def __init__(self):
        self.exit_stack = AsyncExitStack()

    async def connect(self, read, write):
        self.session = await self.exit_stack.enter_async_context(ClientSession(read, write))
        await self.session.initialize()
        response = await self.session.list_tools()
        return response.tools


class LocalTools:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    def list_tools(self):
        return []


async def local(stack: AsyncExitStack):
    tools = await stack.enter_async_context(LocalTools())
    return tools.list_tools()
