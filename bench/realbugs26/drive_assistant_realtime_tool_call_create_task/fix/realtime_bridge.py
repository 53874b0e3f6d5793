"""
realtime_bridge.py
──────────────────
The single orchestration layer for the car driving assistant.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import uuid
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection

from shared.observability import LangfuseObserver
from db.service import DatabaseService
from api.routes.live import push_event


logger = logging.getLogger(__name__)


# ── RealtimeBridge ────────────────────────────────────────────────────────────

class RealtimeBridge:
    """
    Manages a single Realtime API WebSocket session for the drive.

    Usage:
        bridge = RealtimeBridge(observer, email_deps, spotify_deps)
        await bridge.run()          # blocks until session ends
    """

    def __init__(
        self,
        observer: LangfuseObserver,
        email_deps: Any | None,
        spotify_deps: Any | None,
        db: DatabaseService | None = None,
    ) -> None:
        self._observer    = observer
        self._email_deps   = email_deps
        self._spotify_deps = spotify_deps
        self._db = db

        # Unique ID for this drive session — used to group all Langfuse spans
        self._session_id: str = str(uuid.uuid4())

        self._ws: ClientConnection | None = None

        # PCM audio chunks to play; None is a flush/end-of-turn sentinel
        self._audio_out: asyncio.Queue[bytes | None] = asyncio.Queue()

        # FIX: Keep strong references to background tasks so they aren't
        # garbage-collected before completion, and log any unhandled exceptions.
        self._tasks: set[asyncio.Task] = set()

        # Accumulate streamed function-call argument deltas keyed by item_id
        # Structure: { item_id: {"name": str, "call_id": str, "args": str} }
        self._pending_calls: dict[str, dict[str, str]] = {}

        # Maps call_id → transcript so we can attach driver speech to a turn
        self._pending_transcripts: dict[str, str] = {}
        # Holds the most recent driver transcript not yet assigned to a turn
        self._latest_transcript: str | None = None

    # ── WebSocket event loop ──────────────────────────────────────────────────

    async def _event_loop(self) -> None:
        """
        Main receive loop. Reads server events and dispatches them.

        Tool calls are handled in background tasks so audio streaming is
        never stalled while a sub-agent is running.
        """
        ws = self._ws
        if ws is None:
            raise RuntimeError("WebSocket is not connected")

        async for raw in ws:
            try:
                event = json.loads(raw)
            except json.JSONDecodeError:
                logger.warning("Received non-JSON message from Realtime API")
                continue

            etype = event.get("type", "")

            match etype:

                case "session.created" | "session.updated":
                    sid = event.get("session", {}).get("id", "?")
                    logger.info("Realtime session ready  id=%s", sid)

                case "response.output_audio.done" | "response.audio.done":
                    await self._audio_out.put(None)

                # ── Function call argument streaming ──────────────────────

                case "response.function_call_arguments.delta":
                    # Accumulate argument JSON as it streams in
                    item_id     = event.get("item_id", "")
                    delta       = event.get("delta", "")
                    response_id = event.get("response_id", "")
                    if item_id not in self._pending_calls:
                        self._pending_calls[item_id] = {
                            "name":        event.get("name", ""),
                            "call_id":     event.get("call_id", ""),
                            "args":        "",
                            # FIX: track which response owns this call so we
                            # can purge orphans when response.done fires.
                            "response_id": response_id,
                        }
                    self._pending_calls[item_id]["args"] += delta

                case "response.function_call_arguments.done":
                    # Arguments fully received — dispatch to sub-agent
                    item_id  = event.get("item_id", "")
                    name     = event.get("name", "")
                    call_id  = event.get("call_id", "")
                    # Prefer the accumulated buffer; fall back to the event
                    # field (some server versions send everything at once)
                    args_raw = event.get("arguments", "")

                    if item_id in self._pending_calls:
                        accumulated = self._pending_calls.pop(item_id)
                        if not args_raw:
                            args_raw = accumulated["args"]
                        if not name:
                            name = accumulated["name"]
                        if not call_id:
                            call_id = accumulated["call_id"]

                    # FIX: Store task reference to prevent silent GC, and
                    # attach a done-callback that logs any unhandled exception.
                    task = asyncio.create_task(
                        self._handle_tool_call(name, call_id, args_raw),
                        name=f"tool-{call_id or item_id}",
                    )
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                    task.add_done_callback(self._log_task_exception)

                case "error":
                    err = event.get("error", {})
                    logger.error(
                        "Realtime API error  code=%s message=%s",
                        err.get("code"),
                        err.get("message"),
                    )

                case _:
                    # Silently ignore bookkeeping events we don't need
                    pass

    # ── Task exception logger ─────────────────────────────────────────────────

    @staticmethod
    def _log_task_exception(task: asyncio.Task) -> None:
        """
        Done-callback attached to every background tool-call task.

        If the task raised an unhandled exception, log it as an error so it
        is never silently swallowed. CancelledError is not an error — ignore it.
        """
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            logger.error(
                "Unhandled exception in background task %r: %s",
                task.get_name(),
                exc,
                exc_info=exc,
            )

    # ── Tool call dispatch (the actual orchestration) ─────────────────────────

    async def _handle_tool_call(
        self,
        name: str,
        call_id: str,
        args_raw: str,
    ) -> None:
        """
        Parse a Realtime tool call, run the matching sub-agent, and inject
        the plain-text result back into the session.
        """
        # Parse arguments
        try:
            args = json.loads(args_raw) if args_raw else {}
        except json.JSONDecodeError:
            args = {}

        instruction: str = args.get("instruction", "").strip()
        if not instruction:
            instruction = name.replace("_", " ")

        logger.info("Tool call  name=%s  instruction=%r", name, instruction)
