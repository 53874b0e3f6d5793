"""SSE event broadcast manager."""

import asyncio
import json
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supervisor.serve.push import PushManager

logger = logging.getLogger(__name__)

# Heartbeat interval in seconds.  Keeps connections alive through proxies
# and causes a write that detects dead TCP sockets on cleanup.
HEARTBEAT_INTERVAL = 15

# Map SSE event types to push notification categories.
# Only events in this map trigger push notifications.
# High-frequency / streaming events (service.log, agent.output, tdd.output,
# tests.output, metrics, ports, rebase.progress, conductor.autonomy,
# design.status) are intentionally excluded.
_PUSH_EVENT_MAP: dict[str, str] = {
    # Deployments
    "pipeline.state": "pipeline_failure",  # refined in _build_push_content
    # AI
    "agent.question": "agent_question",
    "agent.run.DONE": "agent_completion",
    "conductor.message": "conductor_message",
    "conductor.stop": "conductor_completion",
    "conductor.crash": "conductor_crash",
    # Services
    "service.state": "service_state",
    # Git / Branches
    "branch.switch": "branch_activity",
    "branch.create.DONE": "branch_activity",
    "branch.close.DONE": "branch_activity",
    "branch.rename.DONE": "branch_activity",
    "rebase.DONE": "rebase_result",
    "rebase.conflict": "rebase_result",
    # Quality
    "tests.run.DONE": "test_results",
    # Reviews
    "review.post.DONE": "review_activity",
    "review.resolve.DONE": "review_activity",
}


class EventManager:
    def __init__(self) -> None:
        self._clients: set[asyncio.Queue[str]] = set()
        self._push_manager: PushManager | None = None

    def set_push_manager(self, pm: "PushManager") -> None:
        """Attach a PushManager so broadcasts also send push notifications."""
        self._push_manager = pm

    @property
    def client_count(self) -> int:
        """Number of currently connected SSE clients."""
        return len(self._clients)

    async def broadcast(self, event_type: str, data: dict[str, object]) -> None:
        """Send an event to all connected clients and push if applicable."""
        msg = f"event: {event_type}\ndata: {json.dumps(data)}\n\n"
        for q in self._clients:
            try:
                q.put_nowait(msg)
            except asyncio.QueueFull:
                pass  # drop message for slow client; framework handles disconnect

        # Fire push notification for mapped event types.
        self._maybe_push(event_type, data)

    def _maybe_push(self, event_type: str, data: dict[str, object]) -> None:
        """Schedule a push notification without blocking the event loop.

        The actual HTTP delivery is offloaded to a thread via
        PushManager.broadcast_async(), wrapped in a fire-and-forget task
        so the caller never awaits it.
        """
        if not self._push_manager:
            return
        push_category = _PUSH_EVENT_MAP.get(event_type)
        if not push_category:
            return

        # Build notification content from event data.
        title, body, url = _build_push_content(event_type, data)
        if not title:
            return

        # pipeline.state maps to different categories based on status.
        if event_type == "pipeline.state":
            status = data.get("status", "")
            if status == "success":
                push_category = "pipeline_success"
            # "failure" keeps the default "pipeline_failure" from the map.

        # Fire-and-forget: schedule async delivery without awaiting.
        asyncio.create_task(self._deliver_push(event_type, push_category, title, body, url))

    async def _deliver_push(
        self,
        event_type: str,
        push_category: str,
        title: str,
        body: str,
        url: str,
    ) -> None:
        """Await the async push broadcast in a background task."""
        try:
            assert self._push_manager is not None  # guarded by _maybe_push
            await self._push_manager.broadcast_async(
                title=title,
                body=body,
                url=url,
                tag=event_type,
                event_type=push_category,
            )
        except Exception:
            logger.exception("Failed to send push notification for %s", event_type)

    @asynccontextmanager
    async def subscribe(self) -> AsyncGenerator[AsyncGenerator[str, None], None]:
        """Context manager yielding an async generator of SSE messages."""
        q: asyncio.Queue[str] = asyncio.Queue(maxsize=256)
        self._clients.add(q)
        try:

            async def stream() -> AsyncGenerator[str, None]:
                while True:
                    try:
                        msg = await asyncio.wait_for(q.get(), timeout=HEARTBEAT_INTERVAL)
                        yield msg
                    except TimeoutError:
                        # SSE comment keeps the connection alive.
                        yield ": heartbeat\n\n"

            yield stream()
        finally:
            self._clients.discard(q)


def _build_push_content(event_type: str, data: dict[str, object]) -> tuple[str, str, str]:
    """Extract title, body, and URL from event data for push notifications.

    Returns ("", "", "") if the event should not trigger a notification
    (e.g. a non-failure pipeline update when the category is pipeline_failure).
    """
    # -- Deployments --------------------------------------------------------

    if event_type == "pipeline.state":
        status = data.get("status", "")
        branch = data.get("branch", "unknown")
        if status == "failure":
            return "Pipeline Failed", f"Pipeline failed for {branch}", f"/branch/{branch}"
        if status == "success":
            return "Pipeline Succeeded", f"Pipeline passed for {branch}", f"/branch/{branch}"
        return "", "", ""

    # -- AI -----------------------------------------------------------------

    if event_type == "agent.question":
        branch = data.get("branch", "unknown")
        return "Agent Question", f"An agent needs your input on {branch}", "/inbox"

    if event_type == "agent.run.DONE":
        session_id = data.get("session_id", "")
        error = data.get("error")
        if error:
            return "Agent Failed", f"Agent {session_id} failed: {error}", "/inbox"
        return "Agent Completed", f"Agent {session_id} finished successfully", "/inbox"

    return "", "", ""


# Singleton instance used by the server and all modules.
events = EventManager()
