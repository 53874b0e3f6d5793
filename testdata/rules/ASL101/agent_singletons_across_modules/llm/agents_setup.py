# Module-level agents, made once and imported by the service module (the
# SDKs' docs recommend agents as module globals).
from mcp.server.fastmcp import FastMCP
from pydantic_ai import Agent

agent = Agent("openai:gpt-4o", system_prompt="Be concise.")
server = FastMCP("tools")
