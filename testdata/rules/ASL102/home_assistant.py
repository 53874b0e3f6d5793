# Home Assistant's API: `async_` means "runs in the event loop", not "is a
# coroutine". The coroutine methods fire when dropped; the synchronous
# @callback ones named async_* stay quiet.
from homeassistant.components.calendar import CalendarEntity
from homeassistant import config_entries
from homeassistant.components.sensor import SensorEntity
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import CoordinatorEntity, DataUpdateCoordinator


class Coordinator(DataUpdateCoordinator[dict]):
    async def _async_update_data(self) -> dict:
        return {}

    def reset(self) -> None:
        pass


class Sensor(CoordinatorEntity[Coordinator], SensorEntity):
    async def async_press(self) -> None:
        self.coordinator.async_request_refresh()  # want: ASL102 "coroutine `self.coordinator.async_request_refresh\(\)` is never awaited"
        self.async_update_ha_state(True)  # want: ASL102
        self.hass.async_block_till_done()  # want: ASL102

    async def async_press_ok(self) -> None:
        # Quiet: awaited; @callback methods; a sync method of the project's
        # coordinator; a coroutine handed to HA's tracked task factory.
        await self.coordinator.async_request_refresh()
        self.coordinator.reset()
        self.coordinator.async_set_updated_data({})
        self.async_write_ha_state()
        self.async_schedule_update_ha_state(True)
        self.async_on_remove(self.coordinator.async_add_listener(self.async_write_ha_state))
        self.hass.async_create_task(self.coordinator.async_refresh())
        self.hass.async_add_job(self.coordinator.async_refresh())
        self.hass.async_create_background_task(self.coordinator.async_refresh(), "acme")


class Calendar(CoordinatorEntity[Coordinator], CalendarEntity):
    # Entity's lifecycle hooks are coroutines, also reached through super().
    async def async_will_remove_from_hass(self) -> None:
        super().async_will_remove_from_hass()  # want: ASL102 "coroutine `super\(\).async_will_remove_from_hass\(\)` is never awaited"

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()  # quiet: awaited


class PlainCalendar(CalendarEntity):
    # A platform entity base with no CoordinatorEntity: still an Entity.
    async def async_added_to_hass(self) -> None:
        super().async_added_to_hass()  # want: ASL102

    async def async_will_remove_from_hass(self) -> None:
        await super().async_will_remove_from_hass()
        self.async_write_ha_state()  # quiet: a @callback


class Untyped(CoordinatorEntity):
    # No generic parameter: self.coordinator is a DataUpdateCoordinator.
    async def async_update(self) -> None:
        self.coordinator.async_refresh()  # want: ASL102


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    coordinator = Coordinator(hass, None, name="acme")
    coordinator.async_config_entry_first_refresh()  # want: ASL102
    hass.config_entries.async_forward_entry_setups(entry, ["sensor"])  # want: ASL102
    hass.services.async_call("light", "turn_on", {"entity_id": "light.x"})  # want: ASL102
    store = Store(hass, 1, "acme")
    store.async_save({"a": 1})  # want: ASL102
    async_get_clientsession(hass).get("https://example.com")  # want: ASL102
    # Quiet: @callback registrations and task factories HA tracks itself.
    entry.async_on_unload(entry.add_update_listener(update_listener))
    hass.async_create_task(coordinator.async_refresh())
    entry.async_create_background_task(hass, coordinator.async_refresh(), "acme refresh")
    hass.bus.async_listen_once("homeassistant_stop", on_stop)
    hass.services.async_register("acme", "refresh", on_stop)
    hass.config_entries.async_update_entry(entry, data={})
    store.async_delay_save(dict, 1.0)
    await store.async_load()
    return True


async def update_listener(hass: HomeAssistant, entry: ConfigEntry) -> None:
    await hass.config_entries.async_reload(entry.entry_id)


@callback
def on_stop(event) -> None:
    pass


# Config and options flows are FlowHandlers: HA gives them `self.hass`.
class FlowHandler(config_entries.ConfigFlow, domain="acme"):
    async def async_step_import(self, user_input=None):
        entry = await self.async_set_unique_id("acme")
        if entry:
            self.hass.config_entries.async_remove(entry.entry_id)  # want: ASL102 "coroutine `self.hass.config_entries.async_remove\(\)` is never awaited"
        self.async_set_unique_id("other")  # want: ASL102
        return self.async_create_entry(title="acme", data=user_input)

    async def async_step_user(self, user_input=None):
        # Quiet: awaited, and @callback methods of the flow and of ConfigEntries.
        entry = await self.async_set_unique_id("acme")
        if entry:
            await self.hass.config_entries.async_remove(entry.entry_id)
            self.hass.config_entries.async_update_entry(entry, data={})
        self._abort_if_unique_id_configured()
        return self.async_show_form(step_id="user")


class OptionsHandler(config_entries.OptionsFlow):
    async def async_step_init(self, user_input=None):
        self.hass.config_entries.async_reload(self.config_entry.entry_id)  # want: ASL102
        await self.hass.config_entries.async_reload(self.config_entry.entry_id)
        return self.async_create_entry(title="", data=user_input)


# The options flow manager's steps are coroutines; a flow's result builders
# and unique-id checks are @callback methods (nothing to await).
async def reconfigure(hass: HomeAssistant, entry: ConfigEntry) -> None:
    hass.config_entries.options.async_init(entry.entry_id)  # want: ASL102
    hass.config_entries.flow.async_configure("flow-id", {"a": 1})  # want: ASL102
    result = await hass.config_entries.options.async_init(entry.entry_id)
    await hass.config_entries.options.async_configure(result["flow_id"], {"a": 1})


class QuietFlow(config_entries.ConfigFlow, domain="quiet"):
    async def async_step_user(self, user_input=None):
        await self.async_set_unique_id("quiet")
        self._abort_if_unique_id_configured()
        self._async_abort_entries_match({"host": "x"})
        if self._async_current_entries():
            return self.async_abort(reason="single_instance_allowed")
        return self.async_show_menu(step_id="user", menu_options=["a"])
