"""The sensors: one per value the device reports."""
from __future__ import annotations

from homeassistant.components.sensor import SensorEntity
from homeassistant.core import Event, callback

from .entity import AcmeEntity


async def async_setup_entry(hass, entry, async_add_entities) -> None:
    coordinator = entry.runtime_data
    async_add_entities(AcmeSensor(coordinator, key) for key in coordinator.data)


class AcmeSensor(AcmeEntity, SensorEntity):
    @property
    def native_value(self):
        return self.coordinator.data.get(self._key)

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self.async_on_remove(self.hass.bus.async_listen("acme_button", self._on_button))

    @callback
    def _on_button(self, event: Event) -> None:
        # Quiet: a @callback that writes state and hands the refresh to
        # HA's tracked task factory.
        self.async_write_ha_state()
        self.hass.async_create_task(self.coordinator.async_refresh())

    async def async_update(self) -> None:
        self.async_schedule_update_ha_state()
        self.coordinator.async_refresh()  # want: ASL102
