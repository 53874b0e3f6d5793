# backend/dispatch_agent.py
from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

from google import genai
from google.genai import types as genai_types
from twilio.rest import Client as TwilioClient

from config import create_genai_client, get_settings
from snapshot import (
    CallStatus,
    EmergencySnapshot,
    SnapshotStore,
)

logger = logging.getLogger(__name__)

BroadcastFn = Callable[[str, dict], Awaitable[None]]


class DispatchAgentTools:
    """Tool implementations for the Dispatch Agent."""

    def __init__(
        self,
        session_id: str,
        store: SnapshotStore,
        broadcast: BroadcastFn,
    ) -> None:
        self.session_id = session_id
        self.store = store
        self.broadcast = broadcast

    async def update_call_status(self, status: str) -> str:
        cs = CallStatus(status)
        await self.store.update(self.session_id, lambda s: setattr(s, "call_status", cs))
        return f"Call status: {cs}"


async def run_dispatch_agent(
    session_id: str,
    store: SnapshotStore,
    broadcast: BroadcastFn,
    bridge: "AudioBridge | None" = None,
) -> None:
    settings = get_settings()
    tools = DispatchAgentTools(session_id, store, broadcast)
    client = create_genai_client()

    tool_handlers = {
        "queue_question_for_user": lambda args: tools.queue_question_for_user(args["question"]),
        "get_user_answer": lambda args: tools.get_user_answer(args["question"]),
        "confirm_dispatch": lambda args: tools.confirm_dispatch(args["eta_minutes"]),
    }

    # Pre-load the emergency brief for the system prompt
    brief = await tools.get_emergency_brief()

    # Initiate Twilio call
    twilio_client = None
    call_sid = None
    if settings.twilio_account_sid and settings.emergency_number:
        try:
            twilio_client = TwilioClient(settings.twilio_account_sid, settings.twilio_auth_token)
            twiml_url = f"{settings.backend_base_url}/api/session/{session_id}/twilio/twiml"
            status_url = f"{settings.backend_base_url}/api/session/{session_id}/twilio/status"
            # FIX: Wrap synchronous Twilio SDK call in to_thread to avoid blocking the event loop
            call = await asyncio.to_thread(
                twilio_client.calls.create,
                to=settings.emergency_number,
                from_=settings.twilio_from_number,
                url=twiml_url,
                status_callback=status_url,
            )
            call_sid = call.sid
            await tools.update_call_status("DIALING")
            logger.info("Twilio call initiated: %s", call_sid)
        except Exception:
            logger.exception("Failed to initiate Twilio call for session %s", session_id)
            await tools.update_call_status("DROPPED")
            return

    # Wait for Twilio WebSocket to connect before starting Gemini (30s timeout)
    if bridge is not None:
        connected = await bridge.wait_connected(timeout=30.0)
        if not connected:
            logger.error("Twilio WebSocket never connected for session %s", session_id)
            await tools.update_call_status("DROPPED")
            return
