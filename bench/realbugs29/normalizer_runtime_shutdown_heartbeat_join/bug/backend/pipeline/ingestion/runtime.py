import asyncio
import concurrent.futures
import datetime
import logging
import os
import signal
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable

import asyncpg
from google.cloud import pubsub_v1

from backend.pipeline.ingestion.settings import NormalizerSettings

from backend.pipeline.ingestion.gcs import close_client, upload_audio
from backend.pipeline.schema_types.raw_audio_chunk_pb2 import AudioChunk
from backend.pipeline.storage.connection import close_pool, create_pool
from backend.pipeline.storage.feed_store import FeedStore, LeasedFeed

FeedID = uuid.UUID
CaptureFn = Callable[[LeasedFeed, asyncio.Event], AsyncIterator[bytes]]

logger = logging.getLogger(__name__)

publisher = pubsub_v1.PublisherClient()


class NormalizerRuntime:
    """
    Generic runtime orchestrator for a fleet of async feed-processing tasks.

    Manages the full lifecycle of feed ingestion: batch-leasing feeds from
    the database, spawning an asyncio Task per feed, renewing heartbeats via
    an OS daemon thread (immune to event loop starvation), and detecting fence
    violations (immediate ``os._exit(1)`` on any lost lease).
    """

    def __init__(
        self,
        capture_fn: CaptureFn,
        settings: NormalizerSettings | None = None,
    ) -> None:
        if settings is None:
            from backend.pipeline.ingestion.settings import NormalizerSettings  # noqa: I001, PLC0415

            settings = NormalizerSettings()
        self._capture_fn = capture_fn
        self._settings = settings
        # threading.Event (not asyncio.Event) — the heartbeat OS thread
        # can't use asyncio primitives; it needs a thread-safe signal.
        self._thread_stop = threading.Event()
        # These fields are initialized in _main() before any method reads them.
        # Typed without None so the type checker doesn't require narrowing at
        # every usage site.  Accessing before _main() is a programming error.
        # asyncio.Event must be created inside a running event loop.
        self._shutdown: asyncio.Event = None  # type: ignore # set in _main()
        self._data_pool: asyncpg.Pool = None  # type: ignore # set in _main()
        # Dedicated 1-connection pool for heartbeat (control-plane / data-plane
        # separation). Prevents 250 bookmark/upload ops on the main pool from
        # starving heartbeat queries, which would cause false stall detection.
        self._heartbeat_pool: asyncpg.Pool = None  # type: ignore # set in _main()
        self._loop: asyncio.AbstractEventLoop = None  # type: ignore # set in _main()
        self._feed_tasks: dict[FeedID, asyncio.Task] = {}
        # Tracks feeds currently mid-await on release_feed/record_failure.
        # Without this, the heartbeat would see worker_id=NULL (set by the DB)
        # while the task is not yet .done(), misinterpreting the intentional
        # release as a fence violation and triggering os._exit(1).
        self._releasing_feeds: set[FeedID] = set()
        self._heartbeat_thread: threading.Thread | None = None
        self._store: FeedStore = None  # type: ignore # set in _main()
        self._heartbeat_store: FeedStore = None  # type: ignore # set in _main()

    # -- Entry point ------------------------------------------------------

    def run(self) -> None:
        """
        Start the runtime. Blocks until shutdown completes.

        Sets up logging, then delegates to the async ``_main`` coroutine.
        """
        logging.basicConfig(
            format="%(asctime)s [%(levelname)s] %(name)s: %(message)s",
            level=logging.INFO,
        )
        logger.info(
            "Starting NormalizerRuntime worker_id=%s max_feeds=%d",
            self._settings.worker_id,
            self._settings.max_feeds_per_worker,
        )
        asyncio.run(self._main())

    # -- Async core -------------------------------------------------------

    async def _main(self) -> None:
        """Top-level async entry: setup, run leasing loop, then shutdown."""
        self._loop = asyncio.get_running_loop()
        self._shutdown = asyncio.Event()

        def _on_signal(sig: signal.Signals) -> None:
            if not self._shutdown.is_set():
                logger.info(
                    "Received %s -- initiating graceful shutdown",
                    sig.name,
                )
                self._shutdown.set()
                self._thread_stop.set()

        # Sets BOTH _shutdown (asyncio, for feed tasks) and _thread_stop
        # (threading, for heartbeat thread) to prevent the heartbeat from
        # firing a spurious os._exit(1) during the shutdown window.
        for sig in (signal.SIGTERM, signal.SIGINT):
            self._loop.add_signal_handler(sig, _on_signal, sig)

        s = self._settings
        # command_timeout: bounds query execution on established connections.
        # timeout (connect): bounds TCP handshake — without it, a VPC subnet
        # silently dropping packets hangs connect() for 2+ min (Linux TCP
        # SYN-ACK timeout), starving the pool of connections.
        self._data_pool = await create_pool(
            host=s.db_host,
            user=s.db_user,
            db_name=s.db_name,
            password=s.db_password,
            port=s.db_port,
            min_size=s.db_pool_min_size,
            max_size=s.db_pool_max_size,
            command_timeout=s.db_command_timeout_sec,
            timeout=s.db_connect_timeout_sec,
        )
        self._store = FeedStore(self._data_pool)

        # Dedicated 1-connection pool ensures heartbeat queries never queue
        # behind 250 bookmark/upload operations on the main pool. Without
        # this, pool contention causes false stall-timeout kills.
        self._heartbeat_pool = await asyncpg.create_pool(
            host=s.db_host,
            port=s.db_port,
            user=s.db_user,
            password=s.db_password,
            database=s.db_name,
            min_size=1,
            max_size=1,
            command_timeout=s.db_command_timeout_sec,
            timeout=s.db_connect_timeout_sec,
            statement_cache_size=0,
        )
        self._heartbeat_store = FeedStore(self._heartbeat_pool)

        self._heartbeat_thread = threading.Thread(
            target=self._heartbeat_loop,
            daemon=True,
            name="heartbeat",
        )
        self._heartbeat_thread.start()

        try:
            await self._leasing_loop()
        finally:
            await self._shutdown_sequence()

    async def _sleep_or_shutdown(self, seconds: float) -> bool:
        """
        Wait for *seconds* or until shutdown is signalled.

        This is the ONLY permitted wait mechanism in this file.
        ``asyncio.sleep()`` and ``time.sleep()`` must not appear anywhere —
        all waits must be interruptible for prompt SIGTERM response.

        Returns:
            ``True`` if shutdown was signalled, ``False`` if the timeout
            elapsed normally.

        """
        try:
            await asyncio.wait_for(self._shutdown.wait(), timeout=seconds)
        except TimeoutError:
            return False
        return True

    # -- Heartbeat OS thread ----------------------------------------------

    def _heartbeat_loop(self) -> None:
        """
        OS daemon thread: schedule heartbeat cycle and enforce stall timeout.

        Runs in a daemon OS thread (not an asyncio task) so it stays immune
        to event loop starvation — if the loop is blocked by a misbehaving
        capture function, this thread still fires and detects the stall.
        """
        interval = self._settings.heartbeat_interval_sec
        next_tick = time.monotonic() + interval

        while not self._thread_stop.is_set():
            sleep_time = max(0.0, next_tick - time.monotonic())
            if self._thread_stop.wait(timeout=sleep_time):
                break

            try:
                future = asyncio.run_coroutine_threadsafe(
                    self._heartbeat_cycle(),
                    self._loop,
                )
                future.result(
                    timeout=self._settings.heartbeat_stall_timeout_sec,
                )
            except concurrent.futures.TimeoutError:
                # CRITICAL: must be concurrent.futures.TimeoutError, NOT the
                # built-in TimeoutError. In Python 3.11+, asyncio.TimeoutError
                # aliases built-in TimeoutError — a DIFFERENT class from
                # concurrent.futures.TimeoutError. A bare "except TimeoutError"
                # would miss it, silently defeating the stall watchdog.
                logger.critical(
                    "Event loop stall -- heartbeat did not complete "
                    "in %ds, terminating",
                    self._settings.heartbeat_stall_timeout_sec,
                )
                logging.shutdown()  # flush before os._exit bypasses handlers
                os._exit(1)
            except Exception:
                # Transient DB error — log and retry. Don't kill: mass
                # os._exit(1) across the MIG during a DB outage would cause
                # a thundering herd cold-start on recovery.
                logger.exception("Heartbeat renewal error")

            # Advance ticker. If cycle took longer than one interval, the next
            # sleep_time clamps to 0 — fires immediately to catch up.
            next_tick += interval

    async def _heartbeat_cycle(self) -> None:
        """
        Renew heartbeats and detect fence violations.

        Runs entirely on the event loop thread — all dict/task access is
        thread-safe.
        """
        active = dict(self._feed_tasks.items())
        if not active:
            return

        renewed_ids = await self._heartbeat_store.renew_heartbeats_batch(
            list(active.keys()),
            self._settings.worker_id,
        )

        lost_ids = {
            fid
            for fid in active
            if fid not in renewed_ids
            and not active[fid].done()
            and fid not in self._releasing_feeds
        }
        if not lost_ids:
            logger.debug(
                "Heartbeat renewed for %d feeds",
                len(renewed_ids),
            )
            return

        logger.critical(
            "Heartbeat fence violation -- %d feed(s) lost: %s. Terminating.",
            len(lost_ids),
            ", ".join(str(fid) for fid in lost_ids),
        )
        logging.shutdown()  # flush before os._exit bypasses handlers
        os._exit(1)

    # -- Shutdown sequence ------------------------------------------------

    async def _shutdown_sequence(self) -> None:
        """
        Orderly teardown: cancel feed tasks, stop heartbeat thread,
        close GCS client and database pools.
        """
        logger.info(
            "Shutting down -- %d active feed tasks",
            len(self._feed_tasks),
        )
        # Stop heartbeat FIRST to prevent it from seeing released feeds as
        # fence violations during the teardown window.
        self._thread_stop.set()

        if self._heartbeat_thread is not None and self._heartbeat_thread.is_alive():
            self._heartbeat_thread.join(timeout=5)

        # Cancel all feed tasks
        for task in self._feed_tasks.values():
            task.cancel()
        if self._feed_tasks:
            await asyncio.wait(
                self._feed_tasks.values(),
                timeout=self._settings.graceful_shutdown_timeout_sec,
            )

        await close_client()

        # Heartbeat pool close may raise if the heartbeat cycle was
        # mid-query when we stopped the thread — harmless during shutdown.
        if self._heartbeat_pool is not None:
            try:
                await self._heartbeat_pool.close()
            except Exception:  # noqa: S110
                pass

        if self._data_pool is not None:
            await close_pool(self._data_pool)

        logger.info("Shutdown complete")
