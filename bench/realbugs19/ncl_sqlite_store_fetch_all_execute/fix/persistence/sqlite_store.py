from __future__ import annotations  # noqa: I001

import asyncio
import logging
import os
import sqlite3
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Iterable, Optional, Sequence

log = logging.getLogger("ncl.persistence")

NCL_BASE = Path(os.getenv("NCL_BASE", str(Path.home() / "dev" / "NCL")))
DEFAULT_DB_PATH = NCL_BASE / "data" / "persistence" / "ncl.db"
SCHEMA_DIR = Path(__file__).parent / "schema"


class SqliteStore:
    def __init__(self, db_path: Optional[Path] = None) -> None:
        self._db_path: Path = Path(db_path or os.getenv("NCL_SQLITE_PATH") or DEFAULT_DB_PATH)
        # Reader/writer lock for runtime data access via ``acquire()``
        # and ``execute_*``. ``fetch_*`` bypass this and use the read
        # pool directly.
        self._rwlock = _RWLock()
        # Separate exclusive lock for lifecycle ops (open/close/migrations).
        # These mutate the connection slot itself and must not race against
        # active readers or writers.
        self._lifecycle_lock = asyncio.Lock()
        # W10B-5: one writer + N readers in a pool.
        self._writer_conn: Optional[sqlite3.Connection] = None
        self._read_pool_size: int = _read_pool_size()
        self._reader_pool: Optional[asyncio.Queue[sqlite3.Connection]] = None
        # Kept on the instance for diagnostics + clean shutdown.
        self._reader_conns: list[sqlite3.Connection] = []
        self._initialized: bool = False

    # ── Read-pool helpers (W10B-5) ───────────────────────────────────

    @asynccontextmanager
    async def _checkout_reader(self) -> AsyncIterator[sqlite3.Connection]:
        """
        Pull a read-only connection from the pool, return it in finally.
        """
        await self.initialize()
        assert self._reader_pool is not None
        conn = await self._reader_pool.get()
        try:
            yield conn
        finally:
            # Always return the connection — even on cancellation /
            # exception — so the pool doesn't bleed slots.
            try:
                self._reader_pool.put_nowait(conn)
            except asyncio.QueueFull:  # pragma: no cover - pool never grows
                # Pool size is fixed at init time; we should never hit
                # this. Close the orphan rather than leak it.
                try:
                    conn.close()
                except Exception:
                    pass

    async def fetch_all(self, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
        """
        Read a result set. READER (concurrent, pool-routed).

        W10B-5: routes through the read-only connection pool. Each
        in-flight ``fetch_all`` uses its own ``sqlite3.Connection`` —
        no RWLock contention, no blocking on the writer. Signature
        unchanged from the W4-11 implementation.

        W13 P0-4: the sync ``conn.execute()/cur.fetchall()`` pair runs
        off the event loop inside ``asyncio.to_thread`` so big result
        sets don't block other coroutines. The reader checkout itself
        stays async.
        """
        async with self._checkout_reader() as conn:
            def _do_fetch_all() -> list[sqlite3.Row]:
                cur = conn.execute(sql, params)
                return cur.fetchall()

            return await asyncio.to_thread(_do_fetch_all)
