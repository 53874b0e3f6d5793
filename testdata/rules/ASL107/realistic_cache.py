import asyncio
import threading
from threading import Lock as TLock
from typing import Optional


class TokenCache:
    _lock = threading.Lock()

    def __init__(self, fetch) -> None:
        self._fetch = fetch
        self._token: Optional[str] = None
        self._rlock = TLock()
        self._alock = asyncio.Lock()

    async def token(self) -> str:
        with self._lock:  # want: ASL107
            if self._token is None:
                self._token = await self._fetch()
            return self._token

    async def refresh(self) -> None:
        with self._rlock:  # want: ASL107
            self._token = await self._fetch()

    async def refresh_async_lock(self) -> None:
        # Quiet: asyncio.Lock is the right primitive.
        async with self._alock:
            self._token = await self._fetch()

    async def read_only(self) -> Optional[str]:
        # Quiet: the lock is released before the await.
        with self._lock:
            token = self._token
        await asyncio.sleep(0)
        return token

    async def in_thread(self) -> None:
        # Quiet: the await is outside the lock; the locked part runs in a thread.
        def locked_update() -> None:
            with self._lock:
                self._token = None

        await asyncio.to_thread(locked_update)
