# A library instance imported from another module keeps the types of its
# attributes: fastmcp's server reaches its tool manager through
# `_tool_manager`, whose list_tools is a coroutine method.
from mcpserver.server import mcp, sdk


async def tool_schemas():
    tools = [t.model_dump() for t in mcp._tool_manager.list_tools()]  # want: ASL102 "it is iterated as if it were its result"
    names = [t.name for t in mcp.get_tools()]  # want: ASL102
    return tools, names


async def tool_schemas_ok():
    # Quiet: awaited; the MCP SDK's FastMCP lists its tools synchronously.
    tools = [t.model_dump() for t in await mcp._tool_manager.list_tools()]
    listed = await mcp.list_tools()
    sdk_tools = [t.name for t in sdk._tool_manager.list_tools()]
    return tools, listed, sdk_tools


def sync_names():
    # Quiet: not in async code and the name is only bound.
    lister = mcp._tool_manager.list_tools
    return lister
