"""The power switch."""
from __future__ import annotations

from typing import Any

from homeassistant.components.switch import SwitchEntity
from homeassistant.core import callback

from .entity import AcmeEntity


async def async_setup_entry(hass, entry, async_add_entities) -> None:
    async_add_entities([AcmeSwitch(entry.runtime_data, "power")])


class AcmeSwitch(AcmeEntity, SwitchEntity):
    async def async_turn_on(self, **kwargs: Any) -> None:
        await self.coordinator.api.set_power(True)
        self.coordinator.async_request_refresh()  # want: ASL102

    async def async_turn_off(self, **kwargs: Any) -> None:
        await self.coordinator.api.set_power(False)
        self.coordinator.async_refresh()  # want: ASL102

    @callback
    def _handle_coordinator_update(self) -> None:
        self._attr_is_on = self.coordinator.data["on"]
        self.async_write_ha_state()
