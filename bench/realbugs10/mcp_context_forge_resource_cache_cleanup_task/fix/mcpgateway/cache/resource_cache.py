# -*- coding: utf-8 -*-
"""Location: ./mcpgateway/cache/resource_cache.py
Copyright 2025
SPDX-License-Identifier: Apache-2.0
Authors: Mihai Criveti

Resource Cache Implementation.
This module implements a simple in-memory cache with TTL expiration for caching
resource content in the MCP Gateway. Features:
- TTL-based expiration
- Maximum size limit with LRU eviction
- Thread-safe operations
"""

# Standard
import asyncio
from collections import OrderedDict
from dataclasses import dataclass
import heapq
import threading
import time
from typing import Any, Optional

# First-Party
from mcpgateway.services.logging_service import LoggingService

# Initialize logging service first
logging_service = LoggingService()
logger = logging_service.get_logger(__name__)


@dataclass
class CacheEntry:
    """Cache entry with expiration."""

    value: Any
    expires_at: float


class ResourceCache:
    """
    Resource content cache with TTL expiration.
    """

    def __init__(self, max_size: int = 1000, ttl: int = 3600):
        """Initialize cache.

        Args:
            max_size: Maximum number of entries
            ttl: Time-to-live in seconds
        """
        self.max_size = max_size
        self.ttl = ttl
        self._cache: OrderedDict[str, CacheEntry] = OrderedDict()
        # Use a re-entrant threading lock wrapper so synchronous cache methods
        # keep the same (non-async) signatures while the async cleanup
        # can also `async with` the lock in tests or elsewhere.
        class DualLock:
            def __init__(self) -> None:
                self._rlock = threading.RLock()

            # Sync context manager
            def __enter__(self):
                self._rlock.acquire()
                return self

            def __exit__(self, exc_type, exc, tb):
                self._rlock.release()

            # Async context manager
            async def __aenter__(self):
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(None, self._rlock.acquire)
                return self

            async def __aexit__(self, exc_type, exc, tb):
                # Release on the same executor thread where we acquired
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(None, self._rlock.release)

        self._lock = DualLock()
        # Min-heap of (expires_at, key) for efficient expiration cleanup
        self._expiry_heap: list[tuple[float, str]] = []
        # Background cleanup task handle (initialized when service starts)
        self._cleanup_task: Optional[asyncio.Task] = None

    async def initialize(self) -> None:
        """Initialize cache service."""
        logger.info("Initializing resource cache")
        # Start cleanup task
        self._cleanup_task = asyncio.create_task(self._cleanup_loop())

    async def shutdown(self) -> None:
        """Shutdown cache service."""
        logger.info("Shutting down resource cache")
        self.clear()

    def get(self, key: str) -> Optional[Any]:
        """
        Get value from cache.
        """
        if key not in self._cache:
            return None

        entry = self._cache[key]
        now = time.time()

        # Check expiration
        if now > entry.expires_at:
            del self._cache[key]
            return None

        self._cache.move_to_end(key)

        return entry.value

    def set(self, key: str, value: Any) -> None:
        """
        Set value in cache.
        """
        expires_at = time.time() + self.ttl
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
            elif len(self._cache) >= self.max_size:
                # Evict LRU
                self._cache.popitem(last=False)

            # Add / update entry
            self._cache[key] = CacheEntry(value=value, expires_at=expires_at)
            # Push expiry into heap; stale heap entries are ignored later
            heapq.heappush(self._expiry_heap, (expires_at, key))

    def delete(self, key: str) -> None:
        """
        Delete value from cache.
        """
        with self._lock:
            self._cache.pop(key, None)
            # We don't remove entries from the heap here; they'll be ignored
            # by the cleanup when popped if missing or timestamp differs.

    def clear(self) -> None:
        """
        Clear all cached entries.
        """
        with self._lock:
            self._cache.clear()
            self._expiry_heap.clear()

    async def _cleanup_loop(self) -> None:
        """Background task to clean expired entries efficiently.

        Uses a min-heap of expiration timestamps to avoid scanning the
        entire cache on each run. The actual cleanup work runs under the
        same threading lock as sync methods by delegating to a thread via
        `asyncio.to_thread` so we don't block the event loop.
        """
        async def _run_once() -> None:
            try:
                await asyncio.to_thread(self._cleanup_once)
            except Exception as e:
                logger.error(f"Cache cleanup error: {e}")

        while True:
            await _run_once()
            await asyncio.sleep(60)  # Run every minute

    def _cleanup_once(self) -> None:
        """Synchronous cleanup routine executed in a thread.

        Pops entries from the expiry heap until the next non-expired
        timestamp is reached. Each popped entry is validated against
        the current cache entry to avoid removing updated entries.
        """
        now = time.time()
        removed = 0
        with self._lock:
            while self._expiry_heap and self._expiry_heap[0][0] <= now:
                expires_at, key = heapq.heappop(self._expiry_heap)
                entry = self._cache.get(key)
                # If entry is present and timestamps match, remove it
                if entry is not None and entry.expires_at == expires_at:
                    del self._cache[key]
                    removed += 1

        if removed:
            logger.debug(f"Cleaned {removed} expired cache entries")

    def __len__(self) -> int:
        """
        Get the number of entries in cache.
        """
        return len(self._cache)
