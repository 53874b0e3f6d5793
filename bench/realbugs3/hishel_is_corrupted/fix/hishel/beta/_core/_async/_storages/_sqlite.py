from __future__ import annotations

import time
import uuid
from dataclasses import replace
from typing import (
    AsyncIterable,
    AsyncIterator,
    Callable,
    List,
    Literal,
    Optional,
    Union,
)

import anysqlite

from hishel.beta._core._base._storages._base import AsyncBaseStorage
from hishel.beta._core._base._storages._packing import pack, unpack
from hishel.beta._core.models import (
    CompletePair,
    IncompletePair,
    Pair,
    PairMeta,
    Request,
    Response,
)


class AsyncSqliteStorage(AsyncBaseStorage):
    _CHUNK_SUFFIX = {"request": "request_chunk_{id}", "response": "response_chunk_{id}"}
    _COMPLETE_CHUNK_SUFFIX = {"request": "request_complete", "response": "response_complete"}

    def __init__(
        self,
        *,
        connection: Optional[anysqlite.Connection] = None,
        database_path: str = "hishel_cache.db",
        default_ttl: Optional[float] = None,
        refresh_ttl_on_access: bool = True,
    ) -> None:
        self.connection = connection
        self.database_path = database_path
        self.default_ttl = default_ttl
        self.refresh_ttl_on_access = refresh_ttl_on_access
        self.last_cleanup = float("-inf")
        self._initialized = False

    async def _ensure_connection(self) -> anysqlite.Connection:
        """Ensure connection is established and database is initialized."""
        if self.connection is None:
            self.connection = await anysqlite.connect(self.database_path)
        if not self._initialized:
            await self._initialize_database()
            self._initialized = True
        return self.connection

    async def _is_stream_complete(
        self, kind: Literal["request", "response"], pair_id: uuid.UUID, cursor: anysqlite.Cursor
    ) -> bool:
        complete_key = f"{kind}_complete"
        await cursor.execute(
            "SELECT 1 FROM streams WHERE entry_id = ? AND chunk_key = ?", (pair_id.bytes, complete_key)
        )
        return await cursor.fetchone() is not None

    async def _soft_delete_pair(self, pair: Union[CompletePair, IncompletePair], cursor: anysqlite.Cursor) -> None:
        """
        Mark the pair as deleted by setting the deleted_at timestamp.
        """
        marked_pair = self.mark_pair_as_deleted(pair)
        await cursor.execute(
            "UPDATE entries SET data = ?, deleted_at = ? WHERE id = ?",
            (pack(marked_pair, kind="pair"), marked_pair.meta.deleted_at, pair.id.bytes),
        )

    async def _is_pair_expired(self, pair: Pair, cursor: anysqlite.Cursor) -> bool:
        """
        Check if the pair is expired.
        """
        ttl = pair.request.metadata["hishel_ttl"] if "hishel_ttl" in pair.request.metadata else self.default_ttl
        created_at = pair.meta.created_at
        if ttl is None:
            return False
        return created_at + ttl < time.time()

    async def _batch_cleanup(
        self,
    ) -> None:
        """
        Cleanup expired pairs in the database.
        """
        should_mark_as_deleted: List[Union[CompletePair, IncompletePair]] = []
        should_hard_delete: List[Union[CompletePair, IncompletePair]] = []

        await self._ensure_connection()
        cursor = await self.connection.cursor()
        await cursor.execute("SELECT id, data FROM entries")

        for row in await cursor.fetchall():
            pair = unpack(row[1], kind="pair")
            if pair is None:
                continue
            if await self._is_pair_expired(pair, cursor) and not self.is_soft_deleted(pair):
                should_mark_as_deleted.append(pair)

            if (self.is_soft_deleted(pair) and self.is_safe_to_hard_delete(pair)) or await self._is_corrupted(
                pair, cursor
            ):
                should_hard_delete.append(pair)

        for pair in should_mark_as_deleted:
            await self._soft_delete_pair(pair, cursor)

        for pair in should_hard_delete:
            await self._hard_delete_pair(pair, cursor)

        await self.connection.commit()

    async def _is_corrupted(self, pair: IncompletePair | CompletePair, cursor: anysqlite.Cursor) -> bool:
        # if pair was created more than 1 hour ago and still not completed
        if pair.meta.created_at + 3600 < time.time() and isinstance(pair, IncompletePair):
            return True

        if isinstance(pair, CompletePair) and not await self._is_stream_complete("request", pair.id, cursor):
            return True
        return False

    async def _hard_delete_pair(self, pair: CompletePair | IncompletePair, cursor: anysqlite.Cursor) -> None:
        """
        Permanently delete the pair from the database.
        """
        await cursor.execute("DELETE FROM entries WHERE id = ?", (pair.id.bytes,))

        await self._delete_stream(pair.id.bytes, cursor, kind="request")
        await self._delete_stream(pair.id.bytes, cursor, kind="response")

    async def _delete_stream(
        self,
        entry_id: bytes,
        cursor: anysqlite.Cursor,
        kind: Literal["response", "request"],
    ) -> None:
        """
        Delete the stream associated with the given entry ID.
        """
        # Delete all chunks for this entry and kind
        await cursor.execute(
            "DELETE FROM streams WHERE entry_id = ? AND (chunk_key LIKE ? OR chunk_key = ?)",
            (entry_id, f"{kind}_chunk_%", f"{kind}_complete"),
        )
