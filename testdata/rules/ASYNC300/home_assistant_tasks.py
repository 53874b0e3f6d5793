# Home Assistant's task factories keep the tasks they make (hass._tasks, a
# config entry's task sets) and await or cancel them at shutdown or unload:
# dropping what they return loses nothing. asyncio's own create_task in
# the same code keeps only a weak reference.
import asyncio

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant


async def poll(hass: HomeAssistant) -> None:
    await asyncio.sleep(30)


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    hass.async_create_task(poll(hass))
    hass.async_create_background_task(poll(hass), "acme poll")
    entry.async_create_task(hass, poll(hass))
    entry.async_create_background_task(hass, poll(hass), "acme poll")
    asyncio.create_task(poll(hass))  # want: ASYNC300
    await asyncio.sleep(0)
    return True
