"""The coordinator that polls the device."""
from __future__ import annotations

from datetime import timedelta
import logging
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed

from .api import AcmeApi, AcmeError

_LOGGER = logging.getLogger(__name__)


class AcmeCoordinator(DataUpdateCoordinator[dict[str, Any]]):
    def __init__(self, hass: HomeAssistant, api: AcmeApi) -> None:
        super().__init__(hass, _LOGGER, name="acme", update_interval=timedelta(seconds=30))
        self.api = api

    async def _async_update_data(self) -> dict[str, Any]:
        try:
            return await self.api.fetch()
        except AcmeError as err:
            raise UpdateFailed(str(err)) from err
