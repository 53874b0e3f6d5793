"""The aliases imported by another module of the integration."""
from . import BridgeConfigEntry, DeclaredEntry, PlainEntry


async def async_setup_entry(hass, entry: BridgeConfigEntry, async_add_entities) -> None:
    entry.runtime_data.client.async_refresh()  # want: ASL102


async def refresh_all(declared: DeclaredEntry, plain: PlainEntry) -> None:
    declared.runtime_data.client.async_refresh()  # want: ASL102
    plain.runtime_data.session.close()  # want: ASL102
    await plain.runtime_data.client.async_refresh()
    plain.runtime_data.client.describe()
