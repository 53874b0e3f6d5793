import asyncio
import uuid
from urllib.parse import parse_qs
from uuid import uuid4

import structlog
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from accounts.models import User, Workspace  # noqa: F401 — both re-exported for tests
from model_hub.models.run_prompt import PromptTemplate, PromptVersion
from model_hub.utils.async_generate_prompt_runner import generate_prompt_async
from model_hub.utils.async_improve_prompt_runner import improve_prompt_async
from model_hub.utils.async_prompt_runner import run_template_async
from model_hub.utils.websocket_direct_manager import WebSocketDirectManager
from model_hub.views.prompt_template import replace_ids_with_column_name_async
from sockets.workspace_access import NOT_FOUND, WorkspaceAccessGate

logger = structlog.get_logger(__name__)


# WebSocket close codes — cross-side contract with the FE.
# Mirrored in frontend/src/utils/constants.js (WS_CLOSE_CODES). The vitest
# snapshot in frontend/src/sections/workbench/createPrompt/__tests__/
# ws-close-codes.test.js pins these values so drift is caught in CI.
WS_CLOSE_CODE_UNAUTHENTICATED = 4001
WS_CLOSE_CODE_PERMISSION_DENIED = 4003
WS_CLOSE_CODE_NOT_FOUND = 4004


class PromptStreamConsumer(AsyncJsonWebsocketConsumer):
    """Workbench WS consumer.

    Access model: the workspace (from ``?workspace_id=<uuid>`` query param) is
    the single source of truth for what org the caller is acting on. Every
    execute / stop path resolves ``(workspace, org)`` from that query param
    per-frame and gates on ``user.can_access_workspace(workspace)``. Nothing
    about the connect-time membership set is used (root of TH-5944).

    No per-consumer ``organization_id`` is mutated across concurrent async
    tasks; each frame derives ``org_id`` locally and passes it as an explicit
    kwarg to downstream code.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.session_uuid = None
        self.workspace_id = None

    async def send_json(self, content, close=False):
        try:
            await super().send_json(content, close=close)
        except Exception as e:
            logger.warning(
                f"Failed to send WebSocket message (connection likely closed): {e}"
            )

    async def _send_ws_error(self, message, *, correlation=None):
        payload = {
            "type": "error",
            "message": message,
            "session_uuid": self.session_uuid,
        }
        if correlation:
            payload.update(correlation)
        await self.send_json(payload)

    # ------------------------------------------------------------------
    # run_template
    # ------------------------------------------------------------------

    async def handle_run_template(self, content):
        template_id = content.get("template_id")
        version = content.get("version")
        if not template_id:
            await self._send_ws_error("template_id is required")
            return
        if not version:
            await self._send_ws_error("version is required")
            return

        await self.send_json(
            {
                "type": "execution_started",
                "template_id": template_id,
                "session_uuid": self.session_uuid,
            }
        )
        asyncio.create_task(self.execute_template_async(content, template_id))

    async def execute_template_async(self, content, template_id):
        correlation = {"template_id": template_id}

        async def run(workspace, org_id):
            template = await self._fetch_template_for_run(
                template_id, workspace, org_id, correlation
            )
            if template is None:
                return

            version_to_run = content.get("version")
            execution = await database_sync_to_async(PromptVersion.objects.get)(
                original_template=template, template_version=version_to_run
            )

            await run_template_async(
                template=template,
                execution=execution,
                organization_id=org_id,
                version_to_run=version_to_run,
                is_run=content.get("is_run"),
                run_index=content.get("run_index"),
                workspace=workspace,
                ws_manager=self._make_ws_manager(org_id),
            )

        await self._execute_with_org(
            correlation=correlation,
            log_context="execute_template_async failed",
            failure_message="Execution failed. Please retry.",
            run=run,
        )
