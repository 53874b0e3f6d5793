import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any, Optional


class Transport:
    # The body says nothing; the annotation says a coroutine comes back.
    def send(self, data: bytes) -> Coroutine[Any, Any, int]:
        raise NotImplementedError

    # An awaitable that is mostly a future or a task: its work runs
    # whether or not it is awaited.
    def flush(self) -> Awaitable[None]:
        raise NotImplementedError

    # A coroutine only in some subclasses.
    def maybe_send(self) -> Optional[Coroutine[Any, Any, None]]:
        return None


class Worker:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.jobs: asyncio.Queue[Awaitable[None]] = asyncio.Queue()
        self.sizes: asyncio.Queue[int] = asyncio.Queue()
        self.pending: dict[str, Coroutine[Any, Any, None]] = {}

    async def run(self) -> None:
        self.transport.send(b"x")  # want: ASL102 "`self\.transport\.send\(\)` returns an awaitable \(`Coroutine` by its annotation\)"
        sent = self.transport.send(b"y")  # want: ASL102 "its method `bit_length\(\)` is called"
        sent.bit_length()
        self.jobs.get_nowait()  # want: ASL102
        self.pending.pop("a")  # want: ASL102

    async def run_ok(self) -> None:
        # Quiet: awaited, handed to create_task, an Awaitable (a future) or
        # an optional coroutine by annotation, items that are not
        # awaitables.
        await self.transport.send(b"x")
        asyncio.create_task(self.transport.send(b"y"))
        self.transport.flush()
        self.transport.maybe_send()
        await self.jobs.get_nowait()
        job = self.jobs.get_nowait()
        await job
        self.sizes.get_nowait()
        await self.pending.pop("b")
