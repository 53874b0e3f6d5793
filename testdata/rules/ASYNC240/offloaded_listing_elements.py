# The paths an offloaded listing returns (`await
# hass.async_add_executor_job(self._list_archives, d)` where `_list_archives
# -> list[Path]`) are Paths: a file-system call on one in the coroutine
# blocks the loop (a Home Assistant integration deleted each imported
# archive with `archive.unlink()` on the event loop).
from pathlib import Path


class Backend:
    def __init__(self, hass):
        self.hass = hass

    def _list_archives(self, watch_dir: Path) -> list[Path]:
        return [p for p in sorted(watch_dir.iterdir()) if p.suffix == ".zip"]

    async def run(self, watch_dir: Path):
        archives = await self.hass.async_add_executor_job(self._list_archives, watch_dir)
        for archive in archives:
            archive.unlink(missing_ok=True)  # want: ASYNC240 "`archive\.unlink\(\)`"

    # Quiet: the nearest correct code deletes the archive in the executor.
    async def run_fixed(self, watch_dir: Path):
        archives = await self.hass.async_add_executor_job(self._list_archives, watch_dir)
        for archive in archives:
            await self.hass.async_add_executor_job(archive.unlink, True)
