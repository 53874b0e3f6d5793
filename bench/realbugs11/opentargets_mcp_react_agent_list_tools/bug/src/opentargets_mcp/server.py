"""FastMCP-backed server for Open Targets MCP tools."""

from __future__ import annotations

import argparse
import anyio
import fastmcp
import functools
import inspect
import logging
import os
from contextlib import asynccontextmanager
from typing import Any, Callable, Optional

from dotenv import load_dotenv
from fastmcp import FastMCP
from fastmcp.exceptions import ToolError

# (trimmed: the client lifecycle, the tool registration and the CLI)

mcp = FastMCP(
    name="opentargets",
    mask_error_details=True,
)

