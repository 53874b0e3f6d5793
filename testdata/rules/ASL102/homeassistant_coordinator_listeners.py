# A DataUpdateCoordinator calls its listeners synchronously: an async def
# registered with async_add_listener makes a coroutine per update that
# never runs. Update listeners of a config entry and the bus's listeners
# are HassJobs, which run a coroutine function as a task.
from homeassistant.core import callback
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator


class SpoolCoordinator(DataUpdateCoordinator):
    pass


async def async_setup_entry(hass, entry, async_add_entities):
    coordinator = SpoolCoordinator(hass, None, name="spools")

    async def async_add_extra_field_entities():
        async_add_entities([])

    @callback
    def add_new_spools():
        async_add_entities([])

    async def async_reload(hass, entry):
        await hass.config_entries.async_reload(entry.entry_id)

    async def on_started(event):
        pass

    plain = DataUpdateCoordinator(hass, None, name="plain")
    plain.async_add_listener(on_started)  # want: ASL102 "`on_started` is handed to `plain.async_add_listener\(\)`"
    coordinator.async_add_listener(async_add_extra_field_entities)  # want: ASL102 "async_add_listener"
    entry.async_on_unload(coordinator.async_add_listener(async_add_extra_field_entities))  # want: ASL102
    # Quiet: a plain callback; HassJob-run listeners take coroutine functions.
    coordinator.async_add_listener(add_new_spools)
    entry.async_on_unload(entry.add_update_listener(async_reload))
    hass.bus.async_listen_once("homeassistant_started", on_started)
