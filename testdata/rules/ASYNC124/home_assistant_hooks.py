# Home Assistant looks up an integration's and its platforms' setup hooks by
# name and awaits them: a platform's async_setup_entry that only adds
# entities must stay a coroutine function. Other functions of the module,
# and a hook's name in a module that does not use Home Assistant, are
# reported as usual.
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry, async_add_entities) -> None:
    async_add_entities([object()])


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    return True


async def async_setup_platform(hass, config, async_add_entities, discovery_info=None) -> None:
    async_add_entities([])


async def build_entities(entry: ConfigEntry) -> list:  # want: ASYNC124
    return []
