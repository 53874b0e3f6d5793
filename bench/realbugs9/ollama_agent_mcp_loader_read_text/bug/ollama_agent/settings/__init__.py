"""Settings package (ours: re-exports what the loader imports)."""

from dataclasses import dataclass, field

from .paths import MCP_SERVERS_PATH


@dataclass
class SubAgentMCPServer:
    name: str
    command: str
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
