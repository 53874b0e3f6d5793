import os
import re
import json
import urllib.parse
import logging
from datetime import timedelta, datetime
from zoneinfo import ZoneInfo
from typing import Any, Dict, Optional, Tuple
from dateutil import tz
from itertools import dropwhile, takewhile
from oauthlib.oauth2 import BackendApplicationClient
from async_oauthlib import OAuth2Session
import aiohttp


from homeassistant.helpers.storage import Store
from homeassistant.const import Platform, STATE_ON
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.typing import ConfigType
from homeassistant.config_entries import ConfigEntry
from homeassistant.helpers.entity import EntityCategory
from homeassistant.helpers.update_coordinator import (
    CoordinatorEntity,
    DataUpdateCoordinator,
    UpdateFailed,
)
from homeassistant.helpers.httpx_client import get_async_client
from homeassistant.components.sensor import RestoreSensor
from homeassistant.components.calendar import CalendarEntity, CalendarEvent

from .const import (
    CONF_CLIENT_ID,
    CONF_CLIENT_SECRET,
    TOKEN_URL,
    BASE_URL,
    ATTR_LEVEL_CODE,
    CONF_SENSOR_UNIT,
    CONF_SENSOR_SHIFT,
    CONF_SENSORS,
    ATTR_GENERATION_TIME,
    ATTR_PERIOD_START,
    ATTR_PERIOD_END,
    DOMAIN,
)

_LOGGER = logging.getLogger(__name__)


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    _LOGGER.info("Called async setup entry from __init__.py")

    hass.data.setdefault(DOMAIN, {})

    # here we store the coordinator for future access
    if entry.entry_id not in hass.data[DOMAIN]:
        hass.data[DOMAIN][entry.entry_id] = {}
    hass.data[DOMAIN][entry.entry_id]["rte_coordinator"] = EcoWattAPICoordinator(
        hass, dict(entry.data)
    )

    # will make sure async_setup_entry from sensor.py is called
    await hass.config_entries.async_forward_entry_setups(
        entry, [Platform.SENSOR, Platform.CALENDAR]
    )

    # subscribe to config updates
    entry.async_on_unload(entry.add_update_listener(update_entry))

    return True


async def update_entry(hass, entry):
    """
    This method is called when options are updated
    We trigger the reloading of entry (that will eventually call async_unload_entry)
    """
    _LOGGER.debug("update_entry method called")
    # will make sure async_setup_entry from sensor.py is called
    await hass.config_entries.async_reload(entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """This method is called to clean all sensors before re-adding them"""
    _LOGGER.debug("async_unload_entry method called")
    unload_ok = await hass.config_entries.async_unload_platforms(
        entry, [Platform.SENSOR, Platform.CALENDAR]
    )
    if unload_ok:
        config = hass.data[DOMAIN].pop(entry.entry_id)
        if "rte_coordinator" in config:
            await config["rte_coordinator"].clean()
    return unload_ok


class AsyncOauthClient:
    def __init__(self, config):
        self.config = config
        self.token = ""

    async def client(self):
        client = BackendApplicationClient(client_id=self.config[CONF_CLIENT_ID])
        session = OAuth2Session(client=client)
        auth = aiohttp.helpers.BasicAuth(
            self.config[CONF_CLIENT_ID], self.config[CONF_CLIENT_SECRET]
        )
        self.token = await session.fetch_token(token_url=TOKEN_URL, auth=auth)
        _LOGGER.debug("Fetched a token for RTE API")
        return session


class EcoWattAPICoordinator(DataUpdateCoordinator):
    """A coordinator to fetch data from the api only once"""

    def __init__(self, hass, config: ConfigType):
        super().__init__(
            hass,
            _LOGGER,
            name="ecowatt api",  # for logging purpose
            update_method=self.update_method,
        )
        self.config = config
        self.hass = hass
        self.oauth_client = AsyncOauthClient(config)
        self.api_version = "v5"

        self._custom_store = Store(hass, 1, "rte_ecowatt")

    async def clean(self):
        await self._custom_store.async_remove()

    async def async_oauth_client(self):
        client = await self.oauth_client.client()
        self.token = client.token
        return client

    def _timezone(self):
        timezone = self.hass.config.as_dict()["time_zone"]
        return tz.gettz(timezone)

    def skip_refresh(self) -> Optional[str]:
        """
        Returns a string describing the reason to skip data refresh or None otherwise
        """
        now = datetime.now(tz=self._timezone())
        maintenances = [
            [
                datetime(2022, 11, 30, 4, 15, 00, tzinfo=ZoneInfo("Europe/Paris")),
                timedelta(hours=1),
            ],
            [
                datetime(2022, 12, 6, 4, 15, 00, tzinfo=ZoneInfo("Europe/Paris")),
                timedelta(hours=1),
            ],
        ]
        for maintenance in maintenances:
            if now >= maintenance[0] and now < maintenance[0] + maintenance[1]:
                return (
                    f"Planned RTE API maintenance is happening until {maintenance[1]}"
                )
        return None

    async def update_method(self):
        """Fetch data from API endpoint.

        This could be the place to pre-process the data to lookup tables
        so entities can quickly look up their data.
        """
        body = None
        loaded_from_cache = False
        try:
            previous_data = await self._custom_store.async_load()
            if previous_data is not None:
                last_update = datetime.strptime(
                    previous_data["last_update"], "%Y-%m-%dT%H:%M:%S.%f"
                )
                if (datetime.now() - last_update) < timedelta(minutes=15):
                    _LOGGER.info(
                        "Loading RTE ecowatt data from storage instead of querying api"
                    )
                    body = previous_data["body"]
                    loaded_from_cache = True
        except Exception as e:
            _LOGGER.warn(f"Impossible to load previous data: {e}")
        if body is None:
            body = await self._real_update_method()
            try:
                await self._custom_store.async_save(
                    {
                        "last_update": datetime.now().strftime("%Y-%m-%dT%H:%M:%S.%f"),
                        "body": body,
                    }
                )
            except Exception as e:
                _LOGGER.exception("Error received while caching API data")
                raise e
        json_body = json.loads(body)
        if "signals" not in json_body:
            if loaded_from_cache:
                raise Exception(f"Cached data is invalid. Removing `{self._custom_store.path}` and restart HA should help")
            else:
                raise Exception(f"Fetched data is invalid, it does not have 'signals' key. {body}")
        signals = json_body["signals"]
        # additional parsing
        for day_data in signals:
            parsed_time = datetime.strptime(day_data["jour"], "%Y-%m-%dT%H:%M:%S%z")
            day_data["date"] = parsed_time.date()
            day_data["datetime"] = parsed_time

        _LOGGER.debug(f"data parsed: {signals}")
        return signals

    async def _real_update_method(self):
        try:
            _LOGGER.debug(
                f"Calling update method, {len(self._listeners)} listeners subscribed"
            )
            if "ECOWATT_APIFAIL" in os.environ:
                raise UpdateFailed(
                    "Failing update on purpose to test state restoration"
                )
            _LOGGER.debug("Starting collecting data")

            if self.skip_refresh():
                _LOGGER.warning(f"Skipping data refresh because: {self.skip_refresh()}")
                return self.data
            client = await self.async_oauth_client()
            headers = {
                "Authorization": f"{self.token['token_type']} {self.token['access_token']}"
            }
            url = f"{BASE_URL}/open_api/ecowatt/{self.api_version}/signals"
            if "ECOWATT_DEBUG" in os.environ:
                url = f"{BASE_URL}/open_api/ecowatt/{self.api_version}/sandbox/signals"
            api_result = await client.get(url, headers=headers)
            _LOGGER.info(f"data received, status code: {api_result.status}")
            if api_result.status == 403:
                # a code 403 is likely to be an api key from a previous version of the api
                if self.api_version == "v5":
                    _LOGGER.warn(
                        f"Received a 403, api key is likely from a previous version, downgrading to api v4. You can regenerate a new api key to avoid this warning"
                    )
                    self.api_version = "v4"
                    return await self.update_method()
                else:
                    raise UpdateFailed(
                        f"Error communicating with RTE API: received a 403 from api, even with version {self.api_version}"
                    )
            if api_result.status == 429:
                # a code 429 is expected when requesting more often than every 15minutes and not using the sandbox url
                # FIXME(kamaradclimber): avoid this error when home assistant is restarting by storing state and last update
                if self.data is not None:
                    _LOGGER.warn(
                        "Error communicating with RTE API: requests too frequent. Using old data"
                    )
                    return self.data
                raise UpdateFailed(
                    f"Error communicating with RTE API: requests too frequent to RTE API"
                )
            elif api_result.status != 200:
                raise UpdateFailed(
                    f"Error communicating with RTE API: status code was {api_result.status}"
                )
            body = await api_result.text()
            await client.close()  # we won't need the client anymore
            _LOGGER.debug(f"api response body: {body}")
            return body
        except Exception as err:
            raise UpdateFailed(f"Error communicating with API: {err}")
