import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any


class Hooks:
    pending: dict[str, Coroutine[Any, Any, None]]

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Awaitable[None]] = asyncio.Queue()
        self.counts: asyncio.Queue[int] = asyncio.Queue()
        self.pending = {}
