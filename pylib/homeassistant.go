package pylib

// Home Assistant's own API, as integrations call it. HA's convention is
// that an `async_` prefix means "runs in the event loop", not "is a
// coroutine": most `async_*` methods are synchronous `@callback`s. Each
// kind here was read in HA core's source (homeassistant/core.py,
// config_entries.py, helpers/entity.py, helpers/update_coordinator.py,
// helpers/storage.py, helpers/aiohttp_client.py, helpers/event.py,
// helpers/dispatcher.py); the sync ones get a record of their own so that
// no guess from the name makes them coroutines.
const (
	haCore        = "homeassistant.core."
	haEntries     = "homeassistant.config_entries."
	haEntity      = "homeassistant.helpers.entity.Entity"
	haCoordinator = "homeassistant.helpers.update_coordinator.DataUpdateCoordinator"
	haCoordEntity = "homeassistant.helpers.update_coordinator.CoordinatorEntity"
	haStore       = "homeassistant.helpers.storage.Store"
	haFlow        = "homeassistant.data_entry_flow.FlowHandler"
)

func init() {
	// Coroutine methods (`async def` in HA core).
	coroutineMethods(haCore+"HomeAssistant", "async_block_till_done")
	coroutineMethods(haCore+"ServiceRegistry", "async_call")
	coroutineMethods(haEntries+"ConfigEntries", "async_forward_entry_setups", "async_forward_entry_setup", "async_forward_entry_unload",
		"async_unload_platforms", "async_reload", "async_unload", "async_remove", "async_add", "async_setup",
		"async_set_disabled_by")
	coroutineMethods(haEntries+"ConfigFlow", "async_set_unique_id")
	coroutineMethods(haEntries+"ConfigEntriesFlowManager", "async_init", "async_configure")
	coroutineMethods(haEntries+"OptionsFlowManager", "async_init", "async_configure")
	coroutineMethods(haCoordinator, "async_refresh", "async_request_refresh", "async_config_entry_first_refresh")
	coroutineMethods(haEntity, "async_update_ha_state", "async_device_update", "async_added_to_hass",
		"async_will_remove_from_hass", "async_internal_added_to_hass", "async_internal_will_remove_from_hass",
		"async_removed_from_registry")
	coroutineMethods(haStore, "async_load", "async_save", "async_remove")
	// The MQTT integration's helpers (components/mqtt/client.py): since HA
	// 2021.12 async_publish is an `async def` (it was a `@callback` before,
	// so integrations of that time call it without await and publish
	// nothing), and so are async_subscribe and async_wait_for_mqtt_client.
	// The thread-safe `publish`/`subscribe` wrappers stay synchronous.
	for _, m := range []string{"homeassistant.components.mqtt.", "homeassistant.components.mqtt.client."} {
		with(Coroutine, m+"async_publish", m+"async_subscribe", m+"async_wait_for_mqtt_client")
		entry(m + "async_publish").Note = "a coroutine function since Home Assistant 2021.12"
	}

	// Synchronous `@callback` methods named async_* (and their plain
	// siblings): a call runs at once, there is nothing to await.
	for typ, names := range map[string][]string{
		haCore + "HomeAssistant":           {"async_add_hass_job", "async_run_hass_job", "verify_event_loop_thread"},
		haCore + "ServiceRegistry":         {"async_register", "async_remove", "async_services", "async_services_for_domain", "has_service"},
		haCore + "EventBus":                {"async_listen", "async_listen_once", "async_fire"},
		haCore + "StateMachine":            {"async_set", "async_available", "get"},
		haEntries + "ConfigEntries":        {"async_update_entry", "async_get_entry", "async_entries"},
		haEntries + "ConfigEntry":          {"async_on_unload", "add_update_listener", "async_start_reauth", "async_on_state_change"},
		haCoordinator:                      {"async_add_listener", "async_set_updated_data"},
		haEntity:                           {"async_write_ha_state", "async_schedule_update_ha_state", "schedule_update_ha_state", "async_on_remove", "async_set_context"},
		haStore:                            {"async_delay_save"},
		"homeassistant.helpers.event":      {"async_track_time_interval", "async_track_point_in_utc_time", "async_call_later"},
		"homeassistant.helpers.dispatcher": {"async_dispatcher_send"},
		// A flow's result builders and unique-id checks.
		haFlow: {"async_show_form", "async_create_entry", "async_abort", "async_show_menu", "async_show_progress",
			"async_show_progress_done", "async_external_step", "async_external_step_done"},
		haEntries + "ConfigFlow": {"_abort_if_unique_id_configured", "_abort_if_unique_id_mismatch",
			"_async_abort_entries_match", "_async_current_entries", "_async_current_ids", "_set_confirm_only"},
	} {
		for _, n := range names {
			entry(typ + "." + n)
		}
	}
	// A coordinator's listeners are CALLBACK_TYPEs it calls synchronously
	// and drops the result of (helpers/update_coordinator.py,
	// async_update_listeners: `for update_callback, _ in
	// list(self._listeners.values()): update_callback()`): an `async def`
	// registered there makes a coroutine per update that never runs
	// ("RuntimeWarning: coroutine 'async_setup_entry.<locals>.
	// async_add_extra_field_entities' was never awaited ... update_callback()",
	// Disane87/spoolman-homeassistant#318). The config entry's update
	// listeners and the bus's and the event helpers' listeners are HassJobs,
	// which run a coroutine function as a task: not here.
	with(CallsBack, haCoordinator+".async_add_listener")
	// The state machine's methods (`hass.states.get(entity_id)`,
	// `async_set(entity_id, state, attributes)`, `is_state`, `async_all`)
	// take ids, states and attributes as data (pylib.TakesData).
	with(ReadsData, haCore+"StateMachine")
	// Task factories whose tasks HA keeps (hass._tasks, the config entry's
	// task sets) and awaits or cancels itself: the coroutine handed to them
	// runs, and dropping the returned task loses nothing, so they schedule
	// their argument without being TaskFactory.
	with(AwaitsArgs, haCore+"HomeAssistant.async_create_task", haCore+"HomeAssistant.async_create_background_task",
		haCore+"HomeAssistant.async_create_task_internal", haCore+"HomeAssistant.create_task",
		haCore+"HomeAssistant.async_add_job", haCore+"HomeAssistant.add_job", haCore+"HomeAssistant.async_run_job",
		haEntries+"ConfigEntry.async_create_task", haEntries+"ConfigEntry.async_create_background_task")
	// An import executor job runs its target in a worker thread, like
	// async_add_executor_job.
	with(Offload, haCore+"HomeAssistant.async_add_import_executor_job")
	entry(haCore + "HomeAssistant.async_add_import_executor_job").ReturnsCallableResult = true
	// Both are `@callback`s that return the executor's asyncio.Future
	// (core.py: `def async_add_executor_job(self, target, *args) ->
	// asyncio.Future[_T]`, `return self.loop.run_in_executor(None, target,
	// *args)`): the job runs whether or not it is awaited, and the result is
	// only had by awaiting the future.
	with(ReturnsFuture|ByMethodName, haCore+"HomeAssistant.async_add_executor_job",
		haCore+"HomeAssistant.async_add_import_executor_job")

	// Home Assistant's `callback` decorator, a LoopThreadHandler
	// (homeassistant/core.py: `def callback(func)`, "Annotation to mark
	// method as safe to call from within the event loop", which sets the
	// `_hass_callback` attribute that `is_callback` reads; developer docs,
	// "Asyncio: Working with Async": "@callback ... a function that is safe
	// to run in the event loop"; HassJob runs such a target with
	// loop.call_soon rather than in the executor). Integrations call these
	// functions from their coroutines and have Home Assistant call them as
	// listeners, both on its one shared loop.
	loopThreadHandlers[haCore+"callback"] = &LoopThreadHandler{Framework: "Home Assistant",
		Where:      ", a function marked `@callback`, which Home Assistant runs on its event loop",
		Advice:     "run the blocking work in Home Assistant's executor (`hass.async_add_executor_job(...)`)",
		Registered: "marked here as safe to run on the event loop",
		Note: "homeassistant/core.py: callback marks a function as safe to call from within the event loop; " +
			"developers.home-assistant.io, \"Asyncio: Working with Async\": @callback functions run in the event loop"}

	// The shared aiohttp session getters (`@callback`, not coroutines).
	returns("homeassistant.helpers.aiohttp_client.async_get_clientsession", "aiohttp.ClientSession")
	returns("homeassistant.helpers.aiohttp_client.async_create_clientsession", "aiohttp.ClientSession")

	for attr, typ := range map[string]string{
		haCore + "HomeAssistant.services":       haCore + "ServiceRegistry",
		haCore + "HomeAssistant.bus":            haCore + "EventBus",
		haCore + "HomeAssistant.states":         haCore + "StateMachine",
		haCore + "HomeAssistant.config_entries": haEntries + "ConfigEntries",
		haCore + "HomeAssistant.loop":           "asyncio.AbstractEventLoop",
		haEntries + "ConfigEntries.flow":        haEntries + "ConfigEntriesFlowManager",
		haEntries + "ConfigEntries.options":     haEntries + "OptionsFlowManager",
		haEntity + ".hass":                      haCore + "HomeAssistant",
		haCoordinator + ".hass":                 haCore + "HomeAssistant",
		haStore + ".hass":                       haCore + "HomeAssistant",
		// A config or options flow (data_entry_flow.FlowHandler) is given
		// hass before its steps run.
		haFlow + ".hass": haCore + "HomeAssistant",
		// The bound of CoordinatorEntity's type variable; GenericAttrs
		// gives the precise type when the base names its parameter.
		haCoordEntity + ".coordinator": haCoordinator,
	} {
		LibraryAttrTypes[attr] = typ
	}
	// `class E(CoordinatorEntity[MyCoordinator])`: self.coordinator is a
	// MyCoordinator (HA: `def __init__(self, coordinator:
	// _DataUpdateCoordinatorT)` stores it as self.coordinator).
	GenericAttrs[haCoordEntity+".coordinator"] = 0
	// `type MyConfigEntry = ConfigEntry[MyData]`: entry.runtime_data is a
	// MyData (HA: `class ConfigEntry(Generic[_DataT])` declares
	// `runtime_data: _DataT`).
	GenericAttrs[haEntries+"ConfigEntry.runtime_data"] = 0

	// The flows integrations subclass are FlowHandlers.
	for _, cls := range []string{haEntries + "ConfigFlow", haEntries + "OptionsFlow", haEntries + "OptionsFlowWithConfigEntry",
		haEntries + "OptionsFlowWithReload", haEntries + "ConfigSubentryFlow"} {
		LibraryBases[cls] = []string{haFlow}
	}

	// Entity classes integrations subclass: every one is an Entity.
	LibraryBases[haCoordEntity] = []string{haEntity}
	for _, cls := range []string{"homeassistant.helpers.entity.ToggleEntity", "homeassistant.helpers.restore_state.RestoreEntity",
		"homeassistant.components.sensor.SensorEntity", "homeassistant.components.sensor.RestoreSensor",
		"homeassistant.components.binary_sensor.BinarySensorEntity", "homeassistant.components.switch.SwitchEntity",
		"homeassistant.components.light.LightEntity", "homeassistant.components.climate.ClimateEntity",
		"homeassistant.components.cover.CoverEntity", "homeassistant.components.button.ButtonEntity",
		"homeassistant.components.number.NumberEntity", "homeassistant.components.select.SelectEntity",
		"homeassistant.components.fan.FanEntity", "homeassistant.components.lock.LockEntity",
		"homeassistant.components.media_player.MediaPlayerEntity", "homeassistant.components.update.UpdateEntity",
		"homeassistant.components.text.TextEntity", "homeassistant.components.weather.WeatherEntity",
		"homeassistant.components.device_tracker.config_entry.TrackerEntity",
		"homeassistant.components.calendar.CalendarEntity", "homeassistant.components.camera.Camera",
		"homeassistant.components.vacuum.StateVacuumEntity", "homeassistant.components.alarm_control_panel.AlarmControlPanelEntity",
		"homeassistant.components.siren.SirenEntity", "homeassistant.components.humidifier.HumidifierEntity",
		"homeassistant.components.water_heater.WaterHeaterEntity", "homeassistant.components.valve.ValveEntity",
		"homeassistant.components.remote.RemoteEntity", "homeassistant.components.scene.Scene",
		"homeassistant.components.event.EventEntity", "homeassistant.components.image.ImageEntity",
		"homeassistant.components.todo.TodoListEntity", "homeassistant.components.lawn_mower.LawnMowerEntity",
		"homeassistant.components.date.DateEntity", "homeassistant.components.time.TimeEntity",
		"homeassistant.components.datetime.DateTimeEntity", "homeassistant.components.notify.NotifyEntity"} {
		LibraryBases[cls] = []string{haEntity}
	}
}

// AwaitedHooks gives, per library (its top-level module), the module-level
// functions it looks up by name in a plugin's modules and awaits, with the
// types of the arguments it passes them (nil where not worth tracking):
// such a function must stay a coroutine function whatever its body, and its
// untyped parameters have those types. Home Assistant awaits an
// integration's and its platforms' setup hooks (config_entries.py: `result
// = await component.async_setup_entry(hass, self)`); a platform's
// `async_setup_entry` that only adds entities never awaits.
var AwaitedHooks = map[string]map[string][]string{
	"homeassistant": {
		"async_setup":                        {haCore + "HomeAssistant"},
		"async_setup_entry":                  {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
		"async_unload_entry":                 {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
		"async_migrate_entry":                {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
		"async_remove_entry":                 {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
		"async_setup_platform":               {haCore + "HomeAssistant"},
		"async_remove_config_entry_device":   {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
		"async_get_config_entry_diagnostics": {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
		"async_get_device_diagnostics":       {haCore + "HomeAssistant", haEntries + "ConfigEntry"},
	},
}

// AwaitedHook reports whether name is a hook that the library whose
// top-level module is root awaits, and the types of the arguments it passes.
func AwaitedHook(root, name string) ([]string, bool) {
	params, ok := AwaitedHooks[root][name]
	return params, ok
}

// Home Assistant reads an entity's state properties on its event loop:
// Entity.async_write_ha_state (helpers/entity.py, `_async_write_ha_state`
// -> `__async_calculate_state`) reads `available`, `state` (which reads
// the platform's `native_value`, `is_on`...), `extra_state_attributes`,
// `state_attributes`, `capability_attributes` and the entity's name, icon
// and unit inline, in the loop; the developer docs ("Entity", "Generic
// properties") say "Properties should always only return information from
// memory and not do I/O (like network requests). Implement update() or
// async_update() to fetch data." A blocking call in such a property stalls
// every integration, as Home Assistant's own blocking-call detector reports.
func init() {
	loopThreadMethods = append(loopThreadMethods, &LoopThreadMethods{
		Handler: &LoopThreadHandler{Framework: "Home Assistant",
			Where: ", an entity state property, which Home Assistant reads on its event loop whenever it writes " +
				"the entity's state",
			Advice:     "fetch the value in `async_update()` (or `update()`, which Home Assistant runs in its executor) and return it from memory here",
			Registered: "a Home Assistant entity: its state properties are read on the event loop",
			Note:       "homeassistant/helpers/entity.py async_write_ha_state reads the state properties inline on the loop; developer docs: properties must not do I/O"},
		Bases:      []string{haEntity},
		Properties: true,
		Names: []string{"available", "state", "native_value", "is_on", "extra_state_attributes", "state_attributes",
			"capability_attributes", "name", "icon", "entity_picture", "unit_of_measurement",
			"native_unit_of_measurement", "supported_features", "device_class", "current_temperature",
			"target_temperature", "hvac_mode", "hvac_action", "brightness", "is_closed", "current_cover_position",
			"media_title", "volume_level", "is_locked", "percentage", "current_option", "options"},
	})
}
