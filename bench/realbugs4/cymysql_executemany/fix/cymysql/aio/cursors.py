from collections.abc import Sequence
import sys
from typing import Any
import weakref

from ..cursors import Cursor


class AsyncCursor(Cursor):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    async def __aenter__(self) -> 'AsyncCursor':
        return self

    async def __anext__(self) -> tuple[Any, ...]:
        ret = await self.fetchone()
        if ret is not None:
            return ret
        else:
            raise StopAsyncIteration  # noqa

    async def __aexit__(self, exec: Any, value: Any, traceback: Any) -> None:
        await self.close()

    async def close(self) -> None:
        '''
        Closing a cursor just exhausts all remaining data.
        '''
        if not self.connection:
            return
        try:
            while await self.nextset():
                pass
        except:
            pass

    async def _flush(self) -> None:
        if self._result:
            await self._result.read_rest_rowdata_packet()

    async def nextset(self) -> bool | None:
        ''' Get the next query set '''
        if self._executed:
            await self.fetchall()
        del self.messages[:]

        if not self._result or not self._result.has_next:
            return None
        connection = self._get_db()
        await connection.next_result()
        self._do_get_result()
        return True

    async def execute(self, query: str | bytes, args: Sequence[Any] | dict[str, Any] | Any | None = None) -> None:
        ''' Execute a query '''
        self._rowcount = None

        conn = self._get_db()
        if hasattr(conn, '_last_execute_cursor') and not conn._last_execute_cursor() is None:
            await conn._last_execute_cursor()._flush()

        del self.messages[:]

        if args is not None:
            if isinstance(args, (tuple, list)):
                escaped_args = tuple(conn.escape(arg) for arg in args)
            elif isinstance(args, dict):
                escaped_args = dict((key, conn.escape(val)) for (key, val) in args.items())
            else:
                # If it's not a dictionary let's try escaping it anyways.
                # Worst case it will throw a Value error
                escaped_args = conn.escape(args)

            query = query % escaped_args

        try:
            await self._query(query)
        except:
            exc, value, tb = sys.exc_info()
            del tb
            self.messages.append((exc, value))
            self.errorhandler(exc, value)

        self._executed = query
        conn._last_execute_cursor = weakref.ref(self)

    async def executemany(self, query: str | bytes, args: Sequence[Sequence[Any] | dict[str, Any] | Any]) -> int:
        ''' Run several data against one query '''
        del self.messages[:]

        rowcount = 0
        for params in args:
            await self.execute(query, params)
            if self.rowcount != -1:
                rowcount += self.rowcount
        self._result = None
        self._rowcount = rowcount
        return rowcount

    async def fetchone(self) -> tuple[Any, ...] | None:
        ''' Fetch the next row '''
        self._check_executed()
        if self._result is None:
            return None
        return await self._result.fetchone()

    async def fetchall(self) -> list[tuple[Any, ...]] | None:
        ''' Fetch all the rows '''
        self._check_executed()
        if self._result is None:
            return None
        result = []

        r = await self._result.fetchone()
        while r:
            result.append(r)
            r = await self._result.fetchone()

        return result

    async def _query(self, q: str) -> None:
        conn = self._get_db()
        self._last_executed = q
        await conn.query(q)
        self._do_get_result()


class AsyncDictCursor(AsyncCursor):
    """A cursor which returns results as a dictionary"""

    async def execute(self, query: str | bytes, args: Sequence[Any] | dict[str, Any] | Any | None = None) -> Any:
        result = await super().execute(query, args)
        if self.description:
            self._fields = [field[0] for field in self.description]
        return result

    async def fetchone(self) -> dict[str, Any] | None:
        ''' Fetch the next row '''
        self._check_executed()
        if self._result is None:
            return None
        r = await super().fetchone()
        if not r:
            return None
        return dict(zip(self._fields, r))
