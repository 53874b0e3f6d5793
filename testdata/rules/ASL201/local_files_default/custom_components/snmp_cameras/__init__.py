# A client whose constructor builds pysnmp's SnmpEngine, which loads MIB
# modules from disk (listdir and open of the MIB directory): constructing the
# client in the integration's setup runs that on Home Assistant's loop
# (kou147258/hikvision-snmp, fixed in v0.1.12 by building the engine with
# `await asyncio.to_thread(SnmpEngine)` on first use).
import asyncio

from pysnmp.hlapi.asyncio import SnmpEngine


class CameraClient:
    def __init__(self, host):
        self._host = host
        self._engine = SnmpEngine()


class LazyClient:
    def __init__(self, host):
        self._host = host
        self._engine = None

    async def ensure(self):
        if self._engine is None:
            self._engine = await asyncio.to_thread(SnmpEngine)
        return self._engine


async def async_setup_entry(hass, entry):
    client = CameraClient(entry.data["host"])  # want: ASL201 "`CameraClient\(\)` blocks the event loop in async function `async_setup_entry`: it calls blocking `SnmpEngine\(\)`"
    # Quiet: the engine is built in a worker thread on first use.
    lazy = LazyClient(entry.data["host"])
    await lazy.ensure()
    return client, lazy
