# Cases found on real code: context managers that hold nothing, and async
# generators whose lifetime their decorator or consumer manages.
import contextlib

import aiostream


class StreamError(Exception):
    pass


@contextlib.contextmanager
def translate_errors():
    try:
        yield
    except OSError as exc:
        raise StreamError(str(exc)) from exc


@contextlib.contextmanager
def timed_section(log):
    try:
        yield
    finally:
        log.append("done")


@contextlib.contextmanager
def released(lock):
    lock.acquire()
    try:
        yield
    except OSError:
        raise
    lock.release()


async def lines(stream):
    with translate_errors():  # holds nothing: it only translates exceptions
        async for line in stream:
            yield line


async def quiet_lines(stream):
    with contextlib.suppress(ValueError):
        async for line in stream:
            yield line


async def timed_lines(stream, log):
    with timed_section(log):
        async for line in stream:
            yield line  # want: ASYNC119


async def locked_lines(stream, lock):
    with released(lock):
        async for line in stream:
            yield line  # want: ASYNC119


async def translated_and_opened(stream, path):
    with translate_errors(), open(path) as f:
        async for line in stream:
            yield line + f.readline()  # want: ASYNC119


def timed(fn):
    async def wrapper(*args):
        gen = fn(*args)
        try:
            await gen.asend(None)
        finally:
            await gen.aclose()

    return wrapper


@timed
async def bench_queries(pool):  # the decorator drives and closes the generator
    async with pool.acquire() as conn:
        while True:
            yield
            await conn.execute("SELECT 1")


@aiostream.core.operator(pipable=True)
async def take_all(source):  # a library decorator turns it into a managed stream
    async with aiostream.stream.streamcontext(source) as streamer:
        async for item in streamer:
            yield item


async def run_bench(pool):
    async def one_query():  # handed by name to the harness, which closes it
        async with pool.acquire() as conn:
            while True:
                yield
                await conn.execute("SELECT 1")

    await timed(one_query)(pool)


async def test_finaliser_sees_generator_exit():
    import pytest

    async def closes_cleanly():
        with pytest.raises(GeneratorExit):  # checks an exception, holds nothing
            yield 42

    gen = closes_cleanly()
    await gen.asend(None)
    await gen.aclose()


async def chunks(data, size):
    # A memoryview's exit only releases its buffer export (mautrix's
    # async_iter_bytes).
    with memoryview(data) as mv:
        for i in range(0, len(data), size):
            yield mv[i : i + size]


async def file_chunks(path, size):
    with open(path, "rb") as f:
        while chunk := f.read(size):
            yield chunk  # want: ASYNC119


class LoggingStore:
    # zarr's LoggingStore: a @contextmanager that only logs the elapsed time
    # in its finally; an exit delayed by a suspended consumer delays a log
    # line, nothing else.
    def __init__(self, store, logger):
        self._store = store
        self.logger = logger
        self.counter = {}

    @contextlib.contextmanager
    def log(self, hint=""):
        import time

        self.logger.info(" Calling %s", hint)
        start_time = time.time()
        try:
            self.counter[hint] = self.counter.get(hint, 0) + 1
            yield
        finally:
            end_time = time.time()
            self.logger.info("Finished %s [%.2f s]", hint, end_time - start_time)

    @contextlib.contextmanager
    def log_then_release(self, lock):
        lock.acquire()
        try:
            yield
        finally:
            self.logger.debug("releasing")
            lock.release()

    @contextlib.contextmanager
    def log_with_call(self):
        try:
            yield
        finally:
            self.logger.info("stats %s", self._store.flush())

    async def list(self):
        with self.log():
            async for key in self._store.list():
                yield key

    async def list_locked(self, lock):
        with self.log_then_release(lock):
            async for key in self._store.list():
                yield key  # want: ASYNC119

    async def list_flushed(self):
        with self.log_with_call():
            async for key in self._store.list():
                yield key  # want: ASYNC119


@contextlib.contextmanager
def logged(log):
    log.debug("start")
    yield
    log.debug("end")


async def logged_lines(stream, log):
    with logged(log):
        async for line in stream:
            yield line
