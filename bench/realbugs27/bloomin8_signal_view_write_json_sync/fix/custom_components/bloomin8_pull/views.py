from __future__ import annotations

import datetime as dt
import logging
import os
import random
import shutil
import json
from http import HTTPStatus
from pathlib import Path

from aiohttp import web
from homeassistant.components.http import HomeAssistantView

from collections import deque
from homeassistant.helpers.storage import Store

from datetime import datetime, timedelta
from homeassistant.util import dt as dt_util

from .const import DOMAIN, STATE_BATTERY, STATE_SUCCESS, STATE_LAST_SEEN, STATE_FILE

def _write_json_sync(path: str, data: dict) -> None:
    """Write JSON to disk (sync). Called in executor."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(p.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(p)  # atomic on POSIX


_LOGGER = logging.getLogger(__name__)
ALLOWED_EXT = (".jpg",)


class Bloomin8SignalView(HomeAssistantView):
    """Implements GET /eink_signal for BLOOMIN8 devices."""

    url = "/eink_signal"
    name = "api:bloomin8_signal"
    requires_auth = False  # BLOOMIN8 uses X-Access-Token; we validate manually.

    def __init__(self, hass, cfg: dict) -> None:
        self.hass = hass
        self.cfg = cfg

    async def get(self, request: web.Request) -> web.Response:
        # --- Auth ---
        token = request.headers.get("X-Access-Token", "")
        expected = self.cfg["access_token"]
        if not expected or token != expected:
            return web.json_response(
                {"status": 401, "type": "ERROR", "message": "Unauthorized"},
                status=HTTPStatus.UNAUTHORIZED,
            )

        pull_id = request.query.get("pull_id")
        success = request.query.get("success")

        success_val = None
        if success is not None:
            success_val = str(success).strip() == "1"

        self.hass.data[DOMAIN]["state"][STATE_SUCCESS] = success_val
        self.hass.data[DOMAIN]["state"][STATE_LAST_SEEN] = (
            dt.datetime.utcnow().replace(microsecond=0).isoformat() + "Z"
        )

        try:
            data = {
                STATE_BATTERY: self.hass.data[DOMAIN]["state"][STATE_BATTERY],
                STATE_SUCCESS: self.hass.data[DOMAIN]["state"][STATE_SUCCESS],
                STATE_LAST_SEEN: self.hass.data[DOMAIN]["state"][STATE_LAST_SEEN],
            }

            # don't block the event loop
            await self.hass.async_add_executor_job(_write_json_sync, STATE_FILE, data)
        except Exception:
            pass

        # Push: rewrite all registered entities
        for ent in self.hass.data[DOMAIN].get("entities", []):
            ent.async_write_ha_state()

        _LOGGER.debug(
            "eink_signal request: pull_id=%s success=%s",
            pull_id, success, request.remote
        )

        return web.json_response(
            {
                "status": 200,
                "message": "Feedback recorded"
            },
            status=HTTPStatus.OK,
        )
