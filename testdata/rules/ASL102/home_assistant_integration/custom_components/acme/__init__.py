"""The Acme integration: a config entry, a coordinator and two platforms."""
from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession

from .api import AcmeApi
from .coordinator import AcmeCoordinator

PLATFORMS = [Platform.SENSOR, Platform.SWITCH]


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    api = AcmeApi(async_get_clientsession(hass), entry.data["host"])
    coordinator = AcmeCoordinator(hass, api)
    coordinator.async_config_entry_first_refresh()  # want: ASL102
    entry.runtime_data = coordinator
    hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)  # want: ASL102
    entry.async_on_unload(entry.add_update_listener(async_reload_entry))
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_reload_entry(hass: HomeAssistant, entry: ConfigEntry) -> None:
    hass.config_entries.async_reload(entry.entry_id)  # want: ASL102
