"""Support for Octopus Intelligent Tariff in the UK."""
from datetime import timedelta, datetime, timezone
from typing import Any
import asyncio
import logging

import homeassistant.util.dt as dt_util

from homeassistant.helpers.update_coordinator import (
    DataUpdateCoordinator,
    UpdateFailed,
)

from .graphql_client import OctopusEnergyGraphQLClient
from .graphql_util import validate_octopus_account
from .persistent_data import PersistentData, PersistentDataStore
from .util import *

_LOGGER = logging.getLogger(__name__)

class OctopusIntelligentSystem(DataUpdateCoordinator):
    def __init__(self, hass, *, api_key, account_id, off_peak_start, off_peak_end):
        super().__init__(
            hass,
            _LOGGER,
            # Name of the data. For logging purposes.
            name="Octopus Intelligent",
            # Polling interval. Will only be polled if there are subscribers.
            update_interval=timedelta(seconds=300),
        )
        self._hass = hass
        self._api_key = api_key
        self._account_id = account_id

        self._off_peak_start = off_peak_start
        self._off_peak_end = off_peak_end
        
        self.client = OctopusEnergyGraphQLClient(self._api_key)
        self._persistent_data = PersistentData()
        self._store = PersistentDataStore(self._persistent_data, hass, account_id)

    @property
    def account_id(self):
        return self._account_id

    async def _async_update_data(self) -> dict[str, Any]:
        """Fetch data from API endpoint."""
        try:
            # Note: asyncio.TimeoutError and aiohttp.ClientError are already
            # handled by the data update coordinator.
            async with asyncio.timeout(90):
                data = await self.client.async_get_combined_state(self._account_id)
                return data
        except Exception as err:
            raise UpdateFailed(f"Error communicating with Octopus GraphQL API: {err}")

    def is_smart_charging_enabled(self):
        return not self.data.get('registeredKrakenflexDevice', {}).get('suspended', False)
    async def async_suspend_smart_charging(self):
        await self.client.async_suspend_smart_charging(self._account_id)
    async def async_resume_smart_charging(self):
        await self.client.async_resume_smart_charging(self._account_id)

    def is_charging_now(self, source = None, minutes_offset: int = 0):
        utcnow = dt_util.utcnow() + timedelta(minutes=minutes_offset)
        for state in self.data.get('plannedDispatches', []):
            if source is None or state.get('meta', {}).get('source', '') == source:
                startUtc = datetime.strptime(state.get('startDtUtc'), '%Y-%m-%d %H:%M:%S%z').astimezone(timezone.utc)
                endUtc = datetime.strptime(state.get('endDtUtc'), '%Y-%m-%d %H:%M:%S%z').astimezone(timezone.utc)
                if startUtc <= utcnow <= endUtc:
                    return True
        return False

    async def async_start_boost_charge(self):
        await self.client.async_trigger_boost_charge(self._account_id)
    async def async_cancel_boost_charge(self):
        await self.client.async_cancel_boost_charge(self._account_id)

    async def async_remove_entry(self):
        """Called when the integration (config entry) is removed from Home Assistant."""
        await self._store.remove()

    async def start(self):
        _LOGGER.debug("Starting OctopusIntelligentSystem")
        await validate_octopus_account(self.client, self._account_id)

        await self._store.load()

    async def stop(self):
        _LOGGER.debug("Stopping OctopusIntelligentSystem")
