# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A sync helper that reads package metadata, called from a coroutine: the
# import in a `try` with its backport in `except ImportError` is the same
# API, so the helper's call resolves.
import asyncio

try:
    from importlib.metadata import PackageNotFoundError, version as get_version
except ImportError:
    from importlib_metadata import PackageNotFoundError, version as get_version


class Dependencies:
    def _version_sync(self, package):
        try:
            return get_version(package)
        except PackageNotFoundError:
            return "unknown"

    async def status(self, packages, hass=None):
        out = {}
        for package in packages:
            out[package] = self._version_sync(package)  # want: ASL201 "`self\._version_sync\(\)` blocks the event loop in async function `status`: it calls blocking `get_version\(\)`"
        return out

    # Quiet: run in the executor.
    async def status_in_executor(self, packages, hass):
        return {p: await hass.async_add_executor_job(self._version_sync, p) for p in packages}

    async def status_in_thread(self, packages):
        return {p: await asyncio.to_thread(self._version_sync, p) for p in packages}


# Quiet: a fallback import of another kind of thing is not the same API,
# and an `except` that is not about the import keeps both meanings.
try:
    from fastjson import loads
except ValueError:
    from importlib.metadata import version as loads


def parse(text):
    return loads(text)


async def handler(text):
    return parse(text)
