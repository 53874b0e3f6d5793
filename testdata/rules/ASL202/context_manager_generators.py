# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A generator function turned into a context manager by contextlib binds
# `with ... as name` to what it yields, not to what calling it returns:
# the yield type of its annotation, else what its yields agree on.
import asyncio
import sqlite3
from contextlib import asynccontextmanager, contextmanager
from typing import AsyncGenerator, AsyncIterator, Generator, Iterator, Optional


class Store:
    def __init__(self, path):
        self._conn: Optional[sqlite3.Connection] = sqlite3.connect(path)
        self._pool: asyncio.Queue[sqlite3.Connection] = asyncio.Queue()

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[sqlite3.Connection]:
        conn = await self._pool.get()
        try:
            yield conn
        finally:
            self._pool.put_nowait(conn)

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        yield self._conn

    @contextmanager
    def unannotated(self):
        conn = sqlite3.connect("db.sqlite")
        try:
            yield conn
        finally:
            conn.close()

    async def fetch_all(self, sql):
        async with self.reader() as conn:
            return conn.execute(sql).fetchall()  # want: ASL202 "`conn\.execute\(sql\)\.fetchall\(\)` \(sqlite3\.Cursor\.fetchall\) blocks the event loop in async function `fetch_all`"

    async def write(self, sql):
        with self.writer() as conn:
            conn.execute(sql)  # want: ASL202 "`conn\.execute\(\)` \(sqlite3\.Connection\.execute\)"

    async def write_unannotated(self, sql):
        with self.unannotated() as conn:  # want: ASL201 "it calls blocking `sqlite3\.connect\(\)`"
            conn.commit()  # want: ASL202 "`conn\.commit\(\)` \(sqlite3\.Connection\.commit\)"

    # Quiet: the blocking work runs in a thread.
    async def fetch_all_in_thread(self, sql):
        async with self.reader() as conn:
            return await asyncio.to_thread(lambda: conn.execute(sql).fetchall())


@asynccontextmanager
async def session() -> AsyncGenerator[sqlite3.Connection, None]:
    yield sqlite3.connect(":memory:")


@contextmanager
def cursor(conn: sqlite3.Connection) -> Generator[sqlite3.Cursor, None, None]:
    cur = conn.cursor()
    yield cur
    cur.close()


async def module_level(path):
    conn = await asyncio.to_thread(sqlite3.connect, path)
    with cursor(conn) as cur:
        cur.execute("SELECT 1")  # want: ASL202 "`cur\.execute\(\)` \(sqlite3\.Cursor\.execute\)"


# Quiet: what the generator yields is not a connection (the annotation's
# yield type, a path), or is not known (no annotation, an unknown yield).
@contextmanager
def workdir() -> Iterator[str]:
    yield "/tmp"


@contextmanager
def unknown(factory):
    yield factory()


async def quiet(factory):
    with workdir() as where:
        where.execute("x")
    with unknown(factory) as thing:
        thing.execute("SELECT 1")
    async with session() as conn:
        pass
