#!/usr/bin/env python3
"""MYCELIUM MCP Server — Autonomous Pipeline MCP for VETKA.

MARKER_129.6: Second MCP server handling heavy/async pipeline tools.
Runs alongside MCP VETKA (which handles fast stateless tools).

Architecture:
- MCP stdio protocol (JSON-RPC over stdin/stdout) — same as vetka_mcp_bridge.py
- 17 tools with mycelium_* namespace (pipelines, tasks, workflows, LLM calls)
- Native async: no ThreadPoolExecutor, no asyncio.run() hacks
- WebSocket broadcaster on port 8082 for DevPanel real-time updates
- HTTP client for VETKA API callbacks (chat relay, board notify)

Tools:
  Pipeline:     mycelium_pipeline, mycelium_call_model
  Task Board:   mycelium_task_board, mycelium_task_dispatch, mycelium_task_import
  Heartbeat:    mycelium_heartbeat_tick, mycelium_heartbeat_status
  Workflow:     mycelium_execute_workflow, mycelium_workflow_status
  Compound:     mycelium_research, mycelium_implement, mycelium_review
  Artifacts:    mycelium_list_artifacts, mycelium_approve_artifact, mycelium_reject_artifact
  System:       mycelium_health, mycelium_devpanel_stream

Usage:
  # Register in Claude Code alongside vetka:
  claude mcp add mycelium -- python /path/to/mycelium_mcp_server.py

  # Or in .mcp.json:
  {
    "mcpServers": {
      "mycelium": {
        "command": "python3",
        "args": ["/path/to/mycelium_mcp_server.py"],
        "env": {"MYCELIUM_WS_PORT": "8082"}
      }
    }
  }

@status: active
@phase: 129
@depends: mcp.server, mcp.types, src.mcp.tools (base_async_tool, llm_call_tool_async, task_board_tools, compound_tools, workflow_tools, artifact_tools), src.mcp.mycelium_http_client, src.mcp.mycelium_ws_server, src.orchestration (agent_pipeline, mycelium_heartbeat)
@used_by: Claude Code, Claude Desktop (via MCP stdio protocol)
"""

# Ensure project root in path
import sys
import os
_project_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if _project_root not in sys.path:
    sys.path.insert(0, _project_root)

import asyncio
import json
import signal
import time
import logging
from pathlib import Path
from typing import Any, Dict, Optional

from mcp.server import Server
from mcp.server.stdio import stdio_server
from mcp.types import Tool, TextContent

# MARKER_129.6: Logging
logging.basicConfig(level=logging.INFO, format='[MYCELIUM] %(message)s')
logger = logging.getLogger(__name__)

# ============================================================
# Server instance
# ============================================================
server = Server("mycelium")

# Global state
_start_time = time.time()
_shutdown_event = asyncio.Event()
_active_pipelines: Dict[str, asyncio.Task] = {}
_http_client = None
_ws_broadcaster = None


# ============================================================
# Lazy component init
# ============================================================
async def _get_http_client():
    """Lazy init HTTP client for VETKA API callbacks."""
    global _http_client
    if _http_client is None:
        from src.mcp.mycelium_http_client import get_mycelium_client
        _http_client = get_mycelium_client()
        await _http_client.start()
    return _http_client


async def _get_ws_broadcaster():
    """Lazy init WebSocket broadcaster for DevPanel."""
    global _ws_broadcaster
    if _ws_broadcaster is None:
        try:
            from src.mcp.mycelium_ws_server import get_ws_broadcaster
            _ws_broadcaster = get_ws_broadcaster()
            await _ws_broadcaster.start()
            logger.info(f"WebSocket broadcaster started on port {_ws_broadcaster.port}")
        except ImportError:
            logger.warning("websockets not installed — DevPanel WS disabled")
        except Exception as e:
            logger.warning(f"WebSocket broadcaster failed to start: {e}")
    return _ws_broadcaster


async def _handle_call_model(arguments: Dict[str, Any]) -> str:
    """Native async LLM call — the core Phase 129 fix."""
    from src.mcp.tools.llm_call_tool_async import LLMCallToolAsync
    tool = LLMCallToolAsync()
    result = await tool.execute(arguments)
    return json.dumps(result, default=str)


async def _handle_task_board(arguments: Dict[str, Any]) -> str:
    """Task Board CRUD — delegates to existing handler."""
    from src.mcp.tools.task_board_tools import handle_task_board
    result = handle_task_board(arguments)
    return json.dumps(result, default=str)


async def _handle_task_dispatch(arguments: Dict[str, Any]) -> str:
    """Dispatch from Task Board — async."""
    from src.mcp.tools.task_board_tools import handle_task_dispatch
    result = await handle_task_dispatch(arguments)
    return json.dumps(result, default=str)


async def _handle_task_import(arguments: Dict[str, Any]) -> str:
    """Import tasks from todo file."""
    from src.mcp.tools.task_board_tools import handle_task_import
    result = handle_task_import(arguments)
    return json.dumps(result, default=str)


async def _handle_heartbeat_tick(arguments: Dict[str, Any]) -> str:
    """Heartbeat tick — scan chat for task triggers."""
    from src.orchestration.mycelium_heartbeat import heartbeat_tick
    group_id = arguments.get("group_id")
    dry_run = arguments.get("dry_run", False)
    kwargs = {"dry_run": dry_run}
    if group_id:
        kwargs["group_id"] = group_id
    result = await heartbeat_tick(**kwargs)
    return json.dumps(result, default=str)


async def _handle_heartbeat_status(arguments: Dict[str, Any]) -> str:
    """Heartbeat engine status."""
    from src.orchestration.mycelium_heartbeat import get_heartbeat_status
    result = get_heartbeat_status()
    return json.dumps(result, default=str)


# ============================================================
# call_tool handler
# ============================================================
@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[TextContent]:
    """Dispatch tool calls to handlers. MARKER_129.6."""
    handler = _TOOL_DISPATCH.get(name)
    if handler is None:
        # Check if it's a vetka_* tool — provide migration message
        if name.startswith("vetka_"):
            return [TextContent(
                type="text",
                text=json.dumps({
                    "error": f"Tool '{name}' is on MCP VETKA server, not MYCELIUM. "
                             f"Use the 'vetka' MCP server for this tool.",
                    "hint": "MYCELIUM handles: pipeline, task_board, heartbeat, "
                            "workflow, artifacts, call_model, research, implement, review",
                })
            )]
        return [TextContent(
            type="text",
            text=json.dumps({"error": f"Unknown tool: {name}"})
        )]

    try:
        result_text = await handler(arguments or {})
        return [TextContent(type="text", text=result_text)]
    except Exception as e:
        logger.error(f"Tool {name} failed: {e}", exc_info=True)
        return [TextContent(
            type="text",
            text=json.dumps({"error": f"Tool execution failed: {str(e)[:500]}"})
        )]
