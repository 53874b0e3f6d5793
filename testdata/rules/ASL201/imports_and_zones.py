# config: asl201-local-files = true  # mechanics shown with local-file sinks
import importlib

from dateutil import tz

TZS = {"SE3": "Europe/Stockholm", "FI": "Europe/Helsinki"}


def _zone(area):
    return tz.gettz(TZS[area])


def _load_plugin(name):
    return importlib.import_module(f".plugin_{name}", "my_integration")


async def fetch(area):
    return _zone(area)  # want: ASL201 "it calls blocking `tz.gettz\(\)`"


async def setup(name):
    return _load_plugin(name)  # want: ASL201


# Quiet: the helpers run in a worker thread.
async def setup_offloaded(hass, name):
    return await hass.async_add_executor_job(_load_plugin, name)


# Quiet: imported only when sys.modules lacks it (a one-time load).
import sys


def get_backend(name):
    modulename = "mylib._backends._" + name
    try:
        return sys.modules[modulename]
    except KeyError:
        return importlib.import_module(modulename)


async def with_backend(name):
    return get_backend(name)
