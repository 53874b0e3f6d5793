"""https://github.com/dummylabs/thewatchman§"""
from datetime import datetime, timedelta
import logging
import os
import time
from homeassistant.loader import async_get_integration
from homeassistant.util import dt as dt_util
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.typing import HomeAssistantType
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.const import (
    EVENT_HOMEASSISTANT_STARTED,
    EVENT_CALL_SERVICE,
)

from .utils import (
    parse,
    get_config,
)

from .const import (
    DOMAIN,
    DOMAIN_DATA,
    CONF_IGNORED_FILES,
    CONF_CHECK_LOVELACE,
    CONF_STARTUP_DELAY,
    EVENT_AUTOMATION_RELOADED,
    EVENT_SCENE_RELOADED,
    TRACKED_EVENT_DOMAINS,
)

_LOGGER = logging.getLogger(__name__)


async def async_setup_entry(hass: HomeAssistantType, entry: ConfigEntry):
    """Set up this integration using UI"""
    _LOGGER.debug(entry.options)
    _LOGGER.debug("Home assistant path: %s", hass.config.path(""))
    hass.data.setdefault(DOMAIN, {})
    hass.data[DOMAIN_DATA] = entry.options
    await add_event_handlers(hass)
    if hass.is_running:
        # integration reloaded or options changed via UI
        await parse_config(hass, "changes in watchman configuration")
        await refresh_states(hass)
    else:
        # first run, home assistant is loading
        # parse_config will be scheduled once HA is fully loaded
        version = ""
        try:
            int_data = await async_get_integration(hass, DOMAIN)
            version = int_data.version
        except Exception:  # pylint: disable=broad-except
            pass

        _LOGGER.info("Watchman started [%s]", version)

    return True


async def add_event_handlers(hass: HomeAssistant):
    """add event handlers"""

    async def async_schedule_refresh_states(hass, delay):
        """schedule refresh of the sensors state"""
        now = dt_util.utcnow()
        next_interval = now + timedelta(seconds=delay)
        async_track_point_in_utc_time(hass, async_delayed_refresh_states, next_interval)

    async def async_delayed_refresh_states(timedate):  # pylint: disable=unused-argument
        """refresh sensors state"""
        # parse_config should be invoked beforehand
        await refresh_states(hass)

    async def async_on_home_assistant_started(event):  # pylint: disable=unused-argument
        await parse_config(hass, reason="HA restart")
        startup_delay = get_config(hass, CONF_STARTUP_DELAY, 0)
        await async_schedule_refresh_states(hass, startup_delay)

    async def async_on_configuration_changed(event):
        typ = event.event_type
        if typ == EVENT_CALL_SERVICE:
            domain = event.data.get("domain", None)
            service = event.data.get("service", None)
            if domain in TRACKED_EVENT_DOMAINS and service in [
                "reload_core_config",
                "reload",
            ]:
                await parse_config(hass, "configuration changes")
                await refresh_states(hass)

        elif typ in [EVENT_AUTOMATION_RELOADED, EVENT_SCENE_RELOADED]:
            await parse_config(hass, "configuration changes")
            await refresh_states(hass)

    # hass is not started yet, schedule config parsing once it loaded
    if not hass.is_running:
        hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STARTED, async_on_home_assistant_started
        )

    hdlr = []
    hdlr.append(
        hass.bus.async_listen(EVENT_CALL_SERVICE, async_on_configuration_changed)
    )
    hdlr.append(
        hass.bus.async_listen(EVENT_AUTOMATION_RELOADED, async_on_configuration_changed)
    )
    hdlr.append(
        hass.bus.async_listen(EVENT_SCENE_RELOADED, async_on_configuration_changed)
    )
    hass.data[DOMAIN]["cancel_handlers"] = hdlr


async def parse_config(hass: HomeAssistant, reason=None):
    """parse home assistant configuration files"""
    assert hass.data.get(DOMAIN_DATA)
    start_time = time.time()
    included_folders = get_included_folders(hass)
    ignored_files = hass.data[DOMAIN_DATA].get(CONF_IGNORED_FILES, None)

    entity_list, service_list, files_parsed, files_ignored = await parse(
        hass, included_folders, ignored_files, hass.config.config_dir
    )
    hass.data[DOMAIN]["entity_list"] = entity_list
    hass.data[DOMAIN]["service_list"] = service_list
    hass.data[DOMAIN]["files_parsed"] = files_parsed
    hass.data[DOMAIN]["files_ignored"] = files_ignored
    hass.data[DOMAIN]["parse_duration"] = time.time() - start_time
    _LOGGER.info(
        "%s files parsed and %s files ignored in %.2fs. due to %s",
        files_parsed,
        files_ignored,
        hass.data[DOMAIN]["parse_duration"],
        reason,
    )


def get_included_folders(hass):
    """gather the list of folders to parse"""
    folders = []
    config_folders = [hass.config.config_dir]

    if DOMAIN_DATA in hass.data:
        config_folders = hass.data[DOMAIN_DATA].get("included_folders")
        if not config_folders:
            config_folders = [hass.config.config_dir]

    for fld in config_folders:
        folders.append(os.path.join(fld, "**/*.yaml"))

    if DOMAIN_DATA in hass.data and hass.data[DOMAIN_DATA].get(CONF_CHECK_LOVELACE):
        folders.append(os.path.join(hass.config.config_dir, ".storage/**/lovelace*"))

    return folders


async def refresh_states(hass):
    """refresh entity states"""
    start_time = time.time()
    hass.data[DOMAIN]["check_duration"] = time.time() - start_time
