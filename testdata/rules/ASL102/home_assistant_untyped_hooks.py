# Home Assistant calls an integration's setup hooks with a HomeAssistant and
# a ConfigEntry: their parameters have those types without annotations. A
# function of another name gets nothing from its parameters' names.
from homeassistant.const import Platform

PLATFORMS = [Platform.SENSOR]


async def async_setup_entry(hass, entry):
    hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)  # want: ASL102
    entry.async_on_unload(entry.add_update_listener(async_reload_entry))
    return True


async def async_unload_entry(hass, entry):
    hass.config_entries.async_forward_entry_unload(entry, "sensor")  # want: ASL102
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_reload_entry(hass, entry):
    await hass.config_entries.async_reload(entry.entry_id)


async def async_setup(hass, config):
    hass.services.async_call("notify", "notify", {"message": "up"})  # want: ASL102
    hass.bus.async_listen_once("homeassistant_start", lambda event: None)
    return True


async def forward(hass, entry):
    # Not a hook: hass is whatever the caller passes.
    hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
