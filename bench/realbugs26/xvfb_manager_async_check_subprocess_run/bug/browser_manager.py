"""
Browser Manager - Browser creation, pooling, and lifecycle management
Handles real Chrome browser with stealth mode, persistent profiles, and resource pooling
With enhanced profile management for per-user session persistence
Cross-platform support: Windows (visible) and Linux (Xvfb headless)
"""

import asyncio
import os

import sys
import time
import shutil
import json
import hashlib
import socket
import subprocess
import urllib.request
import threading
import tempfile
from typing import Dict, Optional, Any, List
from pathlib import Path
import logging

logger = logging.getLogger(__name__)


class XvfbManager:
    """
    Manages Xvfb (X Virtual Framebuffer) for headless Linux servers.
    Automatically starts Xvfb if needed and assigns display numbers.
    FIXED: All blocking operations replaced with async-compatible versions.
    """
    
    def __init__(self):
        self.process: Optional[subprocess.Popen] = None
        self.display_num: Optional[int] = None
        self.xvfb_available: Optional[bool] = None
        self._check_task = None
        self._lock = asyncio.Lock()
        self._startup_complete = asyncio.Event()
        self._last_start_error: Optional[str] = None
        # NOTE: the Xvfb availability check is LAZY on purpose - it must not
        # create asyncio tasks here, because this constructor can run outside
        # a running event loop (sync app startup) where create_task() crashes.

    def ensure_checked(self) -> bool:
        """Synchronous (cached) Xvfb availability check for non-async contexts."""
        if self.xvfb_available is not None:
            return self.xvfb_available
        try:
            result = subprocess.run(
                ['which', 'Xvfb'],
                capture_output=True, text=True, timeout=3
            )
            self.xvfb_available = result.returncode == 0
        except Exception:
            self.xvfb_available = False
        return self.xvfb_available

    async def _async_check_xvfb(self):
        """Check if Xvfb is installed on the system - async version"""
        try:
            result = subprocess.run(
                ['which', 'Xvfb'],
                capture_output=True,
                text=True,
                timeout=5
            )
            self.xvfb_available = result.returncode == 0
        except Exception:
            self.xvfb_available = False
    
    async def _check_xvfb_async(self):
        """Async wrapper to ensure xvfb check is complete (starts the check lazily)"""
        if self.xvfb_available is None:
            if self._check_task is None:
                self._check_task = asyncio.create_task(self._async_check_xvfb())
            try:
                await asyncio.wait_for(asyncio.shield(self._check_task), timeout=10.0)
            except Exception:
                if self.xvfb_available is None:
                    self.xvfb_available = False
        return self.xvfb_available
    
    def is_linux_headless(self) -> bool:
        """Check if running on Linux without a display (X11 or Wayland)"""
        return (sys.platform.startswith('linux')
                and not os.environ.get('DISPLAY')
                and not os.environ.get('WAYLAND_DISPLAY'))
    
    def get_display(self) -> Optional[str]:
        """Get current display string"""
        if self.display_num is not None:
            return f':{self.display_num}'
        return os.environ.get('DISPLAY')
