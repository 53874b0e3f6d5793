# Module-level instances of library classes, imported by the agent module.
from fastmcp import FastMCP
from mcp.server.fastmcp import FastMCP as SdkFastMCP

mcp = FastMCP(name="tools")
sdk = SdkFastMCP("sdk-tools")
