"""Coordinator for E3DC integration."""

from datetime import timedelta, datetime
import logging
from time import time
from typing import Any
import pytz
import re

from e3dc._rscpTags import PowermeterType

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util.dt import as_timestamp, start_of_local_day
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.entity import DeviceInfo
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.components.sensor import SensorStateClass

from .const import DOMAIN, MAX_WALLBOXES_POSSIBLE

from .e3dc_proxy import E3DCProxy

_LOGGER = logging.getLogger(__name__)
_STAT_REFRESH_INTERVAL = 60


class E3DCCoordinator(DataUpdateCoordinator[dict[str, Any]]):
    """E3DC Coordinator, fetches all relevant data and provides proxies for all service calls."""

    def __init__(self, hass: HomeAssistant, config_entry: ConfigEntry) -> None:
        """Initialize E3DC Coordinator and connect."""
        assert isinstance(config_entry.unique_id, str)
        self.uid: str = config_entry.unique_id
        self.proxy = E3DCProxy(hass, config_entry)
        self._mydata: dict[str, Any] = {}
        self._sw_version: str = ""
        self._update_guard_powersettings: bool = False
        self._update_guard_wallboxsettings: bool = False
        self._wallboxes: list[dict[str, str | int]] = []
        self._timezone_offset: int = 0
        self._next_stat_update: float = 0

        super().__init__(
            hass, _LOGGER, name=DOMAIN, update_interval=timedelta(seconds=10)
        )

    async def async_connect(self):
        """Establish connection to E3DC."""

        # TODO: Beautify this, make the code flow with the connects/disconnects more natural.
        # Have a call to autoconf, then connect with it.
        await self.hass.async_add_executor_job(self.proxy.connect)
        await self._async_connect_additional_powermeters()

        self._mydata["system-derate-percent"] = self.proxy.e3dc.deratePercent
        self._mydata["system-derate-power"] = self.proxy.e3dc.deratePower
        self._mydata["system-additional-source-available"] = (
            self.proxy.e3dc.externalSourceAvailable != 0
        )
        self._mydata[
            "system-battery-installed-capacity"
        ] = self.proxy.e3dc.installedBatteryCapacity
        self._mydata[
            "system-battery-installed-peak"
        ] = self.proxy.e3dc.installedPeakPower
        self._mydata["system-ac-maxpower"] = self.proxy.e3dc.maxAcPower
        self._mydata["system-battery-charge-max"] = self.proxy.e3dc.maxBatChargePower
        self._mydata[
            "system-battery-discharge-max"
        ] = self.proxy.e3dc.maxBatDischargePower
        self._mydata["system-mac"] = self.proxy.e3dc.macAddress
        self._mydata["model"] = self.proxy.e3dc.model
        self._mydata[
            "system-battery-discharge-minimum-default"
        ] = self.proxy.e3dc.startDischargeDefault

        # Idea: Maybe Port this to e3dc lib, it can query this in one go during startup.
        self._sw_version = await self.hass.async_add_executor_job(
            self.proxy.get_software_version
        )

        await self._load_timezone_settings()

    async def _async_connect_additional_powermeters(self):
        """Identify the installed powermeters and reconnect to E3DC with this config."""
        # TODO: Restructure config so that we are indexed by powemeter ID.
        self.proxy.e3dc_config["powermeters"] = await self.hass.async_add_executor_job(
            self.proxy.get_powermeters
        )

        for powermeter in self.proxy.e3dc_config["powermeters"]:
            if powermeter["type"] == PowermeterType.PM_TYPE_ROOT.value:
                powermeter["name"] = "Root PM"
                powermeter["key"] = "root-pm"
                powermeter["total-state-class"] = SensorStateClass.TOTAL
                powermeter["negate-measure"] = False

            else:
                powermeter["name"] = (
                    powermeter["typeName"]
                    .replace("PM_TYPE_", "")
                    .replace("_", " ")
                    .capitalize()
                )
                powermeter["key"] = (
                    powermeter["typeName"]
                    .replace("PM_TYPE_", "")
                    .replace("_", "-")
                    .lower()
                    + "-"
                    + str(powermeter["index"])
                )

                match powermeter["type"]:
                    case ( PowermeterType.PM_TYPE_ADDITIONAL_PRODUCTION.value
                          | PowermeterType.PM_TYPE_ADDITIONAL.value
                    ):
                        powermeter[
                            "total-state-class"
                        ] = SensorStateClass.TOTAL_INCREASING
                        powermeter["negate-measure"] = True

                    case PowermeterType.PM_TYPE_ADDITIONAL_CONSUMPTION.value:
                        powermeter[
                            "total-state-class"
                        ] = SensorStateClass.TOTAL_INCREASING
                        powermeter["negate-measure"] = False

                    case _:
                        powermeter["total-state-class"] = SensorStateClass.TOTAL
                        powermeter["negate-measure"] = False

        await self.hass.async_add_executor_job(self.proxy.disconnect)
        await self.hass.async_add_executor_job(
            self.proxy.connect,
            self.proxy.e3dc_config,
        )

    async def _load_timezone_settings(self):
        """Load the current timezone offset from the E3DC, using its local timezone data.

        Required to correctly retrieve power statistics for today.
        """
        tz_name: str = await self.hass.async_add_executor_job(self.proxy.get_timezone)

        tz_offset: int | None = None
        try:
            tz_info: pytz.timezone = await self.hass.async_add_executor_job(pytz.timezone, tz_name)
            dt_tmp: datetime = datetime.now(tz_info)
            tz_offset = dt_tmp.utcoffset().seconds
        except pytz.UnknownTimeZoneError:
            _LOGGER.exception("Failed to load timezone from E3DC, falling back to heuristics.")

        if tz_offset is None:
            # Fallback to compute the offset using current times from E3DC:
            ts_local: int = await self.hass.async_add_executor_job(
                self.proxy.get_time
            )
            ts_utc: int = await self.hass.async_add_executor_job(
                self.proxy.get_timeutc
            )
            delta: int = ts_local - ts_utc
            tz_offset = int(1800 * round(delta / 1800))

        self._mydata["e3dc_timezone"] = tz_name
        self._timezone_offset = tz_offset

    def _get_db_data_day_timestamp(self) -> int:
        """Get the local start-of-day timestamp for DB Query, needs some tweaking."""
        today: datetime = start_of_local_day()
        today_ts: int = int(as_timestamp(today))
        _LOGGER.debug(
            "Midnight is %s, DB query timestamp is %s, applied offset: %s",
            today,
            today_ts,
            self._timezone_offset,
        )
        # tz_hass: pytz.timezone = pytz.timezone("Europe/Berlin")
        # today: datetime = datetime.now(tz_hass).replace(hour=0, minute=0, second=0, microsecond=0)
        # today_ts: int = today.timestamp()
        # Move to local time, the Timestamp needed by the E3DC DB queries are
        # not in UTC as they should be.
        today_ts += self._timezone_offset
        return today_ts
