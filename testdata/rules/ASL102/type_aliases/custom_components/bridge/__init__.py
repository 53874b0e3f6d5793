"""Type aliases of a generic library class whose attribute is typed by its parameter."""
from dataclasses import dataclass
from typing import TypeAlias

import aiohttp
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from .api import BridgeClient


@dataclass
class BridgeData:
    client: BridgeClient
    session: aiohttp.ClientSession


type BridgeConfigEntry = ConfigEntry[BridgeData]
DeclaredEntry: TypeAlias = ConfigEntry[BridgeData]
PlainEntry = ConfigEntry[BridgeData]
UnknownEntry = ConfigEntry[NotDefinedAnywhere]  # noqa: F821

type Pair[T] = tuple[T, T]


async def async_setup_entry(hass: HomeAssistant, entry: BridgeConfigEntry) -> bool:
    entry.runtime_data.client.async_refresh()  # want: ASL102
    entry.runtime_data.session.close()  # want: ASL102
    await entry.runtime_data.client.async_refresh()
    entry.runtime_data.client.describe()
    return True


async def the_other_spellings(declared: DeclaredEntry, plain: PlainEntry, direct: ConfigEntry[BridgeData]) -> None:
    declared.runtime_data.client.async_refresh()  # want: ASL102
    plain.runtime_data.client.async_refresh()  # want: ASL102
    direct.runtime_data.client.async_refresh()  # want: ASL102


async def quiet(bare: ConfigEntry, unknown: UnknownEntry, pair: Pair[int], entry: BridgeConfigEntry) -> None:
    # Quiet: no type argument, an argument that names nothing, an alias of
    # another generic, and a parameter rebound to something else.
    bare.runtime_data.client.async_refresh()
    unknown.runtime_data.client.async_refresh()
    pair.runtime_data.client.async_refresh()
    entry = make_entry()  # noqa: F821
    entry.runtime_data.client.async_refresh()
