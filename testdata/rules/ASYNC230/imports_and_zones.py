import asyncio
import importlib
import zoneinfo
from datetime import datetime
from zoneinfo import ZoneInfo

import pytz
from dateutil import tz
from homeassistant.util import dt as dt_util

# Importing a module not yet loaded reads and compiles its files; loading a
# time zone reads its zoneinfo file.


async def load_plugin(name: str):
    return importlib.import_module(f".plugin_{name}", "my_integration")  # want: ASYNC230 "`importlib.import_module\(\)` blocks the event loop in async function `load_plugin`; import it at module level"


async def reload_plugin(module):
    return importlib.reload(module)  # want: ASYNC230


async def local_time(key: str) -> datetime:
    return datetime.now(ZoneInfo(key))  # want: ASYNC230 "`ZoneInfo\(\)` blocks .*load the zone once at import time"


async def utc_now_zoneinfo() -> datetime:
    # zoneinfo reads the UTC file too (from tzdata or the system's zoneinfo).
    return datetime.now(zoneinfo.ZoneInfo("UTC"))  # want: ASYNC230


async def stockholm() -> datetime:
    return datetime.now(pytz.timezone("Europe/Stockholm"))  # want: ASYNC230


async def zone_of(area: str):
    return tz.gettz(area)  # want: ASYNC230


async def ha_zone(key: str):
    return dt_util.get_time_zone(key)  # want: ASYNC230


# Quiet: pytz answers "UTC" with its utc singleton, no file; the loads done
# at import time or in a worker thread; the coroutine-safe loaders.
UTC = pytz.timezone("UTC")
STOCKHOLM = ZoneInfo("Europe/Stockholm")


async def utc_now_pytz() -> datetime:
    return datetime.now(pytz.timezone("utc"))


async def load_plugin_in_thread(name: str):
    return await asyncio.to_thread(importlib.import_module, f".plugin_{name}", "my_integration")


async def ha_zone_async(key: str):
    return await dt_util.async_get_time_zone(key)


def zone_sync(key: str):
    return ZoneInfo(key)


# Quiet: a helper that returns the loaded module from sys.modules and imports
# only when it is missing (anyio's get_asynclib) loads once per process.
import sys


def get_backend(name: str):
    modulename = "mylib._backends._" + name
    try:
        return sys.modules[modulename]
    except KeyError:
        return importlib.import_module(modulename)


async def sleep_with_backend(name: str):
    return get_backend(name)


async def plugin_once(name: str):
    if name not in sys.modules:
        importlib.import_module(name)
    return sys.modules[name]
