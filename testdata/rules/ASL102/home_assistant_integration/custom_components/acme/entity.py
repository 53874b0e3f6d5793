"""The base class of Acme's entities."""
from __future__ import annotations

from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .coordinator import AcmeCoordinator


class AcmeEntity(CoordinatorEntity[AcmeCoordinator]):
    _attr_has_entity_name = True

    def __init__(self, coordinator: AcmeCoordinator, key: str) -> None:
        super().__init__(coordinator)
        self._key = key
        self._attr_unique_id = key
