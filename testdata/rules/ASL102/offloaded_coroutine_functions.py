# Coroutine functions handed to APIs that call their callable synchronously
# in a worker thread: the thread gets a coroutine that nothing awaits.
import asyncio
import concurrent.futures


class Coordinator:
    async def start(self) -> None:
        pass

    def refresh_blocking(self) -> None:
        pass


async def setup(hass, coordinator: Coordinator) -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, coordinator.start)  # want: ASL102
    await asyncio.to_thread(coordinator.start)  # want: ASL102
    await hass.async_add_executor_job(coordinator.start)  # want: ASL102
    with concurrent.futures.ThreadPoolExecutor() as pool:
        pool.submit(coordinator.start)  # want: ASL102


async def setup_ok(hass, coordinator: Coordinator) -> None:
    # Quiet: sync callables in the executor, the coroutine awaited on the
    # loop, and HA's async_add_job, which schedules a coroutine function itself.
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, coordinator.refresh_blocking)
    await asyncio.to_thread(coordinator.refresh_blocking)
    await hass.async_add_executor_job(coordinator.refresh_blocking)
    await hass.async_add_job(coordinator.start)
    await coordinator.start()
    with concurrent.futures.ThreadPoolExecutor() as pool:
        pool.submit(coordinator.refresh_blocking)
