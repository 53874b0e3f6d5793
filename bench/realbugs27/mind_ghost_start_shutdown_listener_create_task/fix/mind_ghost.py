import asyncio
import json
import logging
import os
import socket
import time
import uuid
from pathlib import Path
from typing import Any, Dict

from mind_bridge import MindBridge

logger = logging.getLogger(__name__)


class MindGhost:
    """
    Agent J: The Ghost Monitor.
    Focuses on 'Sub-Second UI/API Auditing' and 'Ghost State Monitoring'.
    Inspired by Claude-Code's tmuxSocket.ts and terminalPanel.ts.
    Detects when a service (like IBKR) is 'Hanging' but hasn't 'Crashed'.
    """

    def __init__(self, bridge: MindBridge) -> None:
        self.bridge = bridge
        self.is_running = False
        self._stand_down = False
        self.latency_threshold_ms = 500  # 500ms threshold for 'Hanging'
        self.last_api_heartbeat = time.time()
        self.startup_time = time.time()  # For grace period
        self.ghost_mirror: dict[str, Any] = {}  # Internal 'Mirror' of service states

        self.retry_counts: dict[str, int] = {}
        self.backoff_base = 2.0
        # Track when next probe is allowed per service (exponential backoff)
        self._probe_next_allowed: dict[str, float] = {}
        self._probe_backoff_sec: dict[str, float] = {"IBKR": 30.0, "MT5": 60.0}
        self._next_api_loss_alert = 0.0
        self._heartbeat_registry_path = Path("data/task_heartbeats.json")
        self._heartbeat_registry_max_age = 90.0
        self._registry_recovery_logged = False
        self._next_reset_suppressed_log = 0.0

        # FIX: Store task references to allow clean cancellation on shutdown.
        # Dropping these references causes 'Task was destroyed but it is pending!'
        self._audit_task: asyncio.Task | None = None
        self._shutdown_listener_task: asyncio.Task | None = None

    async def stop(self) -> None:
        """Cleanly cancel all background tasks to prevent asyncio leak on shutdown."""
        self.is_running = False
        self._stand_down = True
        for t in (self._audit_task, self._shutdown_listener_task):
            if t and not t.done():
                t.cancel()
                try:
                    await t
                except (asyncio.CancelledError, Exception):
                    pass
        logger.info("MindGhost (Agent J): Stopped cleanly.")

    async def start(self) -> None:
        """Launch the Ghost Monitor."""
        self.is_running = True
        logger.info("MindGhost (Agent J): Ghost Monitoring active.")

        # Start audit loop — store reference to allow clean cancellation
        self._audit_task = asyncio.create_task(self._ghost_audit_loop())

        # FIX: Store shutdown listener reference to prevent 'Task destroyed' error on restart.
        # Previously created with create_task() and reference dropped immediately.
        if self.bridge.bus:
            self._shutdown_listener_task = asyncio.create_task(self._shutdown_listener())

        def _ghost_dead_callback(t: asyncio.Task) -> None:
            if self.is_running:  # If it wasn't a clean stop
                try:
                    if t.cancelled():
                        return
                    err = t.exception()
                    msg = f" <b>CRITICAL</b>: MindGhost (Agent J) has CRASHED! {err}"
                except (asyncio.CancelledError, Exception) as e:
                    if isinstance(e, asyncio.CancelledError):
                        return
                    msg = " <b>CRITICAL</b>: MindGhost (Agent J) has STOPPED UNEXPECTEDLY!"
                logger.critical(msg)
                asyncio.create_task(
                    self.bridge.broadcast("ghost", msg, {"alert": "TELEGRAM", "urgency": "FATAL"})
                )

        self._audit_task.add_done_callback(_ghost_dead_callback)

    async def _shutdown_listener(self) -> None:
        """Listens for the system shutdown signal to stand down."""
        if not self.bridge.bus:
            return
        q = self.bridge.bus.subscribe("system.status")
        while self.is_running:
            try:
                msg = await q.get()
                if msg.get("state") == "SHUTDOWN":
                    logger.info("MindGhost: Shutdown signal received. Standing down.")
                    self._stand_down = True
            except Exception:
                await asyncio.sleep(1)
