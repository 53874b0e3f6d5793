"""Base entities for the Fronius Wattpilot integration."""

from __future__ import annotations
from typing import Final
import logging
import asyncio

from homeassistant.config_entries import ConfigEntry
from homeassistant.helpers.entity import DeviceInfo
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity import EntityCategory
from homeassistant.const import (
    CONF_FRIENDLY_NAME,
    CONF_IP_ADDRESS,
    STATE_UNKNOWN,
)

from .const import (
    DEFAULT_NAME,
    DOMAIN,
)
from .utils import (
    async_GetChargerProp,
    GetChargerProp,
)

_LOGGER: Final = logging.getLogger(__name__)


class ChargerPlatformEntity(Entity):
    """Base class for Fronius Wattpilot integration."""


    def __init__(self, entry: ConfigEntry, entity_cfg, charger) -> None:
        """Initialize the object."""
        try:
            self._charger_id = str(entry.data.get(CONF_FRIENDLY_NAME, entry.data.get(CONF_IP_ADDRESS, DEFAULT_NAME)))
            self._identifier = str(entity_cfg.get('id'))
            _LOGGER.debug("%s - %s: __init__", self._charger_id, self._identifier)
            self._charger = charger
            self._source = entity_cfg.get('source', 'property')
            if self._source == 'attribute' and not hasattr(self._charger, self._identifier):
                _LOGGER.error("%s - %s: __init__: Charger does not have an attributed: %s (maybe a property?)", self._charger_id, self._identifier, self._identifier)
                return None
            elif self._source == 'property' and GetChargerProp(self._charger, self._identifier) is None:
                _LOGGER.error("%s - %s: __init__: Charger does not have a property: %s (maybe an attribute?)", self._charger_id, self._identifier, self._identifier)
                return None
            self._entity_cfg = entity_cfg
            self._entry = entry
        
            self._name = self._charger_id + ' ' + self._entity_cfg.get('name', self._entity_cfg.get('id'))
            self._attributes = {}
            self._state = STATE_UNKNOWN
            
            self.uniqueid = self._charger_id + "-" + self._identifier
        except Exception as e:            
            _LOGGER.error("%s - %s: __init__ failed: %s (%s.%s)", self._charger_id, self._identifier, str(e), e.__class__.__module__, type(e).__name__)
            return None


    @property
    def name(self) -> str | None:
        """Return the name of the entity."""
        return self._name


    @property
    def state(self) -> str | None:
        """Return the current state of the entity."""
        return self._state


    @property
    def available(self) -> bool:
        """Return if device is available."""
        if not getattr(self._charger,'connected', True):
            _LOGGER.debug("%s - %s: available: false because charger disconnected", self._charger_id, self._identifier)
            return False
        elif not getattr(self._charger,'allPropsInitialized', True):
            _LOGGER.debug("%s - %s: available: false because not all properties initialized", self._charger_id, self._identifier)
            return False
        elif self._source == 'attribute' and not hasattr(self._charger, self._identifier):
            _LOGGER.debug("%s - %s: available: false because unknown attribute", self._charger_id, self._identifier)
            return False
        elif self._source == 'property' and async_GetChargerProp(self._charger, self._identifier) is None:
            _LOGGER.debug("%s - %s: available: false because unknown property", self._charger_id, self._identifier)            
            return False
        else:
            return True


    @property
    def should_poll(self) -> bool:
        """Return True if polling is needed."""
        return True


    async def async_update(self) -> None:
        """Async: Get latest data and states from the device."""
        try:
            _LOGGER.debug("%s - %s: update", self._charger_id, self._identifier)
            if self._source == 'attribute':
                state = getattr(self._charger,self._identifier,STATE_UNKNOWN)
            elif self._source == 'property':
                state = await async_GetChargerProp(self._charger,self._identifier,STATE_UNKNOWN)
                if isinstance(state, list):
                    state_list=state
                    state=state_list[0]
                    i=1
                    for attr_state in state_list[1:]:
                        self._attributes['state'+str(i)]=attr_state
                        i=i+1
            self._state = state
            self.async_write_ha_state()
        except Exception as e:
            _LOGGER.error("%s - %s: update failed: %s (%s.%s)", self._charger_id, self._identifier, str(e), e.__class__.__module__, type(e).__name__)
