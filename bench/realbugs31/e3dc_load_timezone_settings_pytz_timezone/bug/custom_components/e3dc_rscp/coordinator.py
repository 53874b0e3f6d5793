"""Coordinator for E3DC integration."""

from datetime import timedelta, datetime
import logging
from time import time
from typing import Any
import pytz

from e3dc import E3DC  # Missing Exports:; SendError,
from e3dc._rscpLib import rscpFindTag

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_HOST, CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.util.dt import as_timestamp, start_of_local_day
from homeassistant.exceptions import ConfigEntryAuthFailed, HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.entity import DeviceInfo
from homeassistant.helpers.update_coordinator import (  # CoordinatorEntity,; UpdateFailed,
    DataUpdateCoordinator,
)

from .const import CONF_RSCPKEY, DOMAIN

_LOGGER = logging.getLogger(__name__)
_STAT_REFRESH_INTERVAL = 60


class E3DCCoordinator(DataUpdateCoordinator[dict[str, Any]]):
    """E3DC Coordinator, fetches all relevant data and provides proxies for all service calls."""

    e3dc: E3DC = None
    _mydata: dict[str, Any] = {}
    _sw_version: str = ""
    _update_guard_powersettings: bool = False
    _timezone_offset: int = 0
    _next_stat_update: float = 0

    def __init__(self, hass: HomeAssistant, config_entry: ConfigEntry) -> None:
        """Initialize E3DC Coordinator and connect."""
        self.host: str | None = config_entry.data.get(CONF_HOST)
        self.username: str | None = config_entry.data.get(CONF_USERNAME)
        self.password: str | None = config_entry.data.get(CONF_PASSWORD)
        self.rscpkey: str | None = config_entry.data.get(CONF_RSCPKEY)
        assert isinstance(config_entry.unique_id, str)
        self.uid: str = config_entry.unique_id

        super().__init__(
            hass, _LOGGER, name=DOMAIN, update_interval=timedelta(seconds=10)
        )

    async def async_connect(self):
        """Establish connection to E3DC."""
        try:
            self.e3dc: E3DC = await self.hass.async_add_executor_job(
                create_e3dcinstance,
                self.username,
                self.password,
                self.host,
                self.rscpkey,
            )
        except Exception as ex:
            raise ConfigEntryAuthFailed from ex

        self._mydata["system-derate-percent"] = self.e3dc.deratePercent
        self._mydata["system-derate-power"] = self.e3dc.deratePower
        self._mydata["system-additional-source-available"] = (
            self.e3dc.externalSourceAvailable != 0
        )
        self._mydata[
            "system-battery-installed-capacity"
        ] = self.e3dc.installedBatteryCapacity
        self._mydata["system-battery-installed-peak"] = self.e3dc.installedPeakPower
        self._mydata["system-ac-maxpower"] = self.e3dc.maxAcPower
        self._mydata["system-battery-charge-max"] = self.e3dc.maxBatChargePower
        self._mydata["system-battery-discharge-max"] = self.e3dc.maxBatDischargePower
        self._mydata["system-mac"] = self.e3dc.macAddress
        self._mydata["model"] = self.e3dc.model
        self._mydata[
            "system-battery-discharge-minimum-default"
        ] = self.e3dc.startDischargeDefault

        # Idea: Maybe Port this to e3dc lib, it can query this in one go during startup.
        self._sw_version = await self._async_e3dc_request_single_tag(
            "INFO_REQ_SW_RELEASE"
        )

        await self._load_timezone_settings()

    async def _async_e3dc_request_single_tag(self, tag: str) -> Any:
        """Send a single tag request to E3DC, wraps lib call for async usage, supplies defaults."""

        # Signature for reference: Tag, Retries, Keepalive
        result = await self.hass.async_add_executor_job(
            self.e3dc.sendRequestTag, tag, 3, True
        )
        return result

    async def _load_timezone_settings(self):
        """Load the current timezone offset from the E3DC, using its local timezone data.

        Required to correctly retrieve power statistics for today.
        """
        try:
            tz_name: str = await self._async_e3dc_request_single_tag(
                "INFO_REQ_TIME_ZONE"
            )
        except:
            _LOGGER.exception("Failed to loade timezone from E3DC")
            # Once we have better exception handling available, we need to throw
            # proper HomeAssistantErrors at this point.
            raise

        tz_offset: int | None = None
        try:
            tz_info: pytz.timezone = pytz.timezone(tz_name)
            dt_tmp: datetime = datetime.now(tz_info)
            tz_offset = dt_tmp.utcoffset().seconds
        except pytz.UnknownTimeZoneError:
            _LOGGER.exception("Failed to load timezone from E3DC")

        if tz_offset is None:
            try:
                # Fallback to compute the offset using current times from E3DC:
                ts_local: int = int(
                    await self._async_e3dc_request_single_tag("INFO_REQ_TIME")
                )
                ts_utc: int = int(
                    await self._async_e3dc_request_single_tag("INFO_REQ_UTC_TIME")
                )
                delta: int = ts_local - ts_utc
                tz_offset = int(1800 * round(delta / 1800))
            except:
                _LOGGER.exception("Failed to load timestamps from E3DC")
                # Once we have better exception handling available, we need to throw
                # proper HomeAssistantErrors at this point.
                raise

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
        _LOGGER.debug(
            "Midnight DB query timestamp is %s, applied offset: %s",
            today_ts,
            self._timezone_offset,
        )
        return today_ts
