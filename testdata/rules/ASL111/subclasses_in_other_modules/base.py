class Conn:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Rows:
    def __iter__(self):
        return iter(())


async def handler(conn: Conn, rows: Rows):
    async with conn:  # quiet: aio.py's AsyncConn(Conn) adds __aenter__
        pass
    async for row in rows:  # want: ASL111 "`Rows` defines `__iter__` and no `__aiter__`"
        print(row)
