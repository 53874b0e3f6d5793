"""Makima v7.2 — Elite System Agent: Enterprise OS Controller, Hardware Diagnostics, 
Process Monitor, and System Lifecycle Management Engine.

This agent provides deep, asynchronous, and safe control over the host operating system.
All destructive operations (process termination, power state changes, service management)
are routed through a strict confirmation gate to prevent accidental system disruption.
"""
from __future__ import annotations

import asyncio
import json
import logging
import platform
import socket
import subprocess
from typing import Any, Callable, Awaitable, Optional

# ==============================================================================
# ZERO-CRASH RESILIENCE IMPORTS
# ==============================================================================
try:
    import psutil
except ImportError:
    psutil = None
    logging.getLogger("makima.agents.system").warning("psutil not found. Hardware/Process tools disabled.")

from .base_agent import BaseAgent

logger = logging.getLogger("makima.agents.system")


def _process_running(probe: str) -> bool:
    """True if any running process name matches probe (case-insensitive, .exe tolerant)."""
    if not psutil:
        return False
    probe = probe.lower().replace(".exe", "")
    for proc in psutil.process_iter(["name"]):
        try:
            name = (proc.info["name"] or "").lower()
            if name in (probe, probe + ".exe") or probe in name:
                return True
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return False


async def launch_app_verified(app_path: str, arguments: list[str] | None = None) -> str:
    """Launch an application asynchronously with pre-launch name verification and
    post-launch process verification. Single source of truth: the SystemAgent tool
    map, the global ToolRegistry, and workflow_builder all route through this, so
    every caller gets the same verified behavior."""
    import os
    import shutil
    import sys

    raw_app = (app_path or "").strip()
    app_clean = os.path.basename(raw_app).replace(".exe", "").strip().lower()

    # Common application name resolution
    app_alias_map = {
        "brave": "brave",
        "chrome": "chrome",
        "msedge": "msedge",
        "edge": "msedge",
        "microsoftedge": "msedge",
        "notepad": "notepad",
        "calc": "calc",
        "calculator": "calc",
        "cmd": "cmd",
        "terminal": "wt",
        "explorer": "explorer",
    }
    target_cmd = app_alias_map.get(app_clean, raw_app)

    # Pre-launch verification: refuse unknown apps that don't resolve to anything real
    if app_clean not in app_alias_map:
        is_abs_existing = os.path.isabs(raw_app) and os.path.exists(raw_app)
        if not is_abs_existing and not shutil.which(app_clean):
            known = ", ".join(sorted(app_alias_map))
            return (f"App '{app_path}' not recognized — refusing to launch blindly. "
                    f"Known apps: {known}. Or pass a full path to an existing executable "
                    f"(e.g. C:\\Program Files\\App\\app.exe).")

    args = [target_cmd] + (arguments or [])

    # If opening Chrome, Brave, or Edge, ensure remote debugging port is present for CDP
    if app_clean in ("chrome", "brave", "edge", "msedge"):
        if not any("--remote-debugging-port" in a for a in args):
            args.append("--remote-debugging-port=9222")

    # Windows shell execution fallback (start "" app_name)
    if sys.platform == "win32":
        try:
            full_cmd = subprocess.list2cmdline(args)
            os.system(f'start "" {full_cmd}')
            logger.info(f"[system] Launched application via Windows shell: {full_cmd}")
            # Post-launch verification: poll for a matching process
            probe = os.path.basename(target_cmd).replace(".exe", "").lower()
            for _ in range(10):
                await asyncio.sleep(0.5)
                if _process_running(probe):
                    return f"Launched {app_clean.capitalize()} successfully (verified running)."
            return (f"Launch command sent for '{app_clean}', but no matching process "
                    f"appeared within 5s. The app name may be wrong or it failed to start.")
        except Exception as e_start:
            logger.warning(f"[system] Shell start failed for {target_cmd}: {e_start}")

    try:
        process = await asyncio.create_subprocess_exec(
            *args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        return f"Launched {app_clean.capitalize()} successfully (PID: {process.pid})."
    except Exception:
        try:
            cmd_str = subprocess.list2cmdline(args)
            process = await asyncio.create_subprocess_shell(
                cmd_str, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            return f"Launched {app_clean.capitalize()} via shell successfully."
        except Exception as e:
            return f"Failed to launch {app_clean}: {str(e)}"
