# pysnmp's SnmpEngine loads MIB modules in its constructor: SnmpEngine.__init__
# calls mibBuilder.importSymbols('__SNMP-FRAMEWORK-MIB', ...), whose
# loadModules lists the MIB source directories and opens the module files
# (pysnmp/entity/engine.py, smi/builder.py). Home Assistant's detector reports
# the listdir (kou147258/hikvision-snmp v0.1.12).
import asyncio

from pysnmp.hlapi.asyncio import SnmpEngine, UdpTransportTarget, getCmd
import pysnmp.hlapi.v3arch.asyncio as v3


async def poll(host):
    engine = SnmpEngine()  # want: ASYNC230 "`SnmpEngine\(\)` blocks the event loop in async function `poll`; build the engine once"
    return engine


class Poller:
    def __init__(self):
        self._engine = None

    async def _ensure(self):
        if self._engine is None:
            self._engine = v3.SnmpEngine()  # want: ASYNC230


# Quiet: built in a worker thread, or in sync code; the engine's requests are
# coroutines of the asyncio hlapi.
_ENGINE = None


async def shared_engine():
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = await asyncio.to_thread(SnmpEngine)
    return _ENGINE


def make_engine():
    return SnmpEngine()


async def query(engine, auth, target, oid):
    return await getCmd(engine, auth, target, oid)
