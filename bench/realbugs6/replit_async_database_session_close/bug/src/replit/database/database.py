"""Async and dict-like interfaces for interacting with Replit Database."""

from collections import abc
import json
import threading
from typing import (
    Any,
    Callable,
    Dict,
    Iterator,
    List,
    Optional,
    Tuple,
    Union,
)
import urllib.parse

import aiohttp
from aiohttp_retry import ExponentialRetry, RetryClient  # type: ignore


def dumps(val: Any) -> str:
    """JSON encode a value in the smallest way possible."""
    return json.dumps(val, separators=(",", ":"))


def keyStrip(key: str) -> str:
    """Strip slashes from the beginning of keys."""
    return key.lstrip("/")


_dumps = dumps


class AsyncDatabase:
    """Async interface for Replit Database.

    :param str db_url: The Database URL to connect to
    :param int retry_count: How many retry attempts we should make
    :param get_db_url Callable: A callback that returns the current db_url
    :param unbind Callable: Permit additional behavior after Database close
    """

    __slots__ = ("db_url", "sess", "client", "_get_db_url", "_unbind", "_refresh_timer")
    _refresh_timer: Optional[threading.Timer]

    def __init__(
        self,
        db_url: str,
        retry_count: int = 5,
        get_db_url: Optional[Callable[[], Optional[str]]] = None,
        unbind: Optional[Callable[[], None]] = None,
    ) -> None:
        """Initialize database. You shouldn't have to do this manually."""
        self.db_url = db_url
        self.sess = aiohttp.ClientSession()
        self._get_db_url = get_db_url
        self._unbind = unbind

        retry_options = ExponentialRetry(attempts=retry_count)
        self.client = RetryClient(client_session=self.sess, retry_options=retry_options)

        if self._get_db_url:
            self._refresh_timer = threading.Timer(3600, self._refresh_db)
            self._refresh_timer.start()

    def _refresh_db(self) -> None:
        if self._refresh_timer:
            self._refresh_timer.cancel()
            self._refresh_timer = None
        if self._get_db_url:
            db_url = self._get_db_url()
            if db_url:
                self.update_db_url(db_url)
            self._refresh_timer = threading.Timer(3600, self._refresh_db)
            self._refresh_timer.start()

    def update_db_url(self, db_url: str) -> None:
        """Update the database url."""
        self.db_url = db_url

    async def __aenter__(self) -> "AsyncDatabase":
        return self

    async def __aexit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        await self.client.close()
        self.sess.close()

    async def get(self, key: str) -> str:
        """Return the value for key if key is in the database."""
        return json.loads(await self.get_raw(key))

    async def get_raw(self, key: str) -> str:
        """Get the value of an item from the database."""
        async with self.client.get(
            self.db_url + "/" + urllib.parse.quote(key)
        ) as response:
            if response.status == 404:
                raise KeyError(key)
            response.raise_for_status()
            return await response.text()

    async def set(self, key: str, value: Any) -> None:
        """Set a key in the database to the result of JSON encoding value."""
        await self.set_raw(keyStrip(key), _dumps(value))

    async def set_raw(self, key: str, value: str) -> None:
        """Set a key in the database to value."""
        await self.set_bulk_raw({keyStrip(key): value})

    async def set_bulk_raw(self, values: Dict[str, str]) -> None:
        """Set multiple values in the database."""
        values = {keyStrip(k): v for k, v in values.items()}
        async with self.client.post(self.db_url, data=values) as response:
            response.raise_for_status()

    async def delete(self, key: str) -> None:
        """Delete a key from the database."""
        async with self.client.delete(
            self.db_url + "/" + urllib.parse.quote(key)
        ) as response:
            if response.status == 404:
                raise KeyError(key)
            response.raise_for_status()

    async def close(self) -> None:
        """Closes the database client connection."""
        await self.sess.close()
        if self._refresh_timer:
            self._refresh_timer.cancel()
            self._refresh_timer = None
        if self._unbind:
            # Permit signaling to surrounding scopes that we have closed
            self._unbind()

    def __repr__(self) -> str:
        """A representation of the database."""
        return f"<{self.__class__.__name__}(db_url={self.db_url!r})>"
