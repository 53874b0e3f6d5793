from base import Conn, Rows


class AsyncConn(Conn):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class CachedRows(Rows):
    cache = None
