# The project's asynchronous context managers of another module, entered
# with a plain `with`: TypeError when the line runs.
from managers import Pool, get_connection, get_sync_connection


async def hybrid_search(query):
    with get_connection() as conn:  # want: ASL108 "a call of an `@asynccontextmanager` generator\) supports only `async with`"
        print(conn, query)
    pool = Pool()
    with pool:  # want: ASL108 "`Pool` defines `__aenter__` and no `__enter__`"
        pass
    async with get_connection() as conn:
        print(conn)
    with get_sync_connection() as conn:
        print(conn)


def keyword_search(query):
    from managers import get_connection as connect

    with connect() as conn:  # want: ASL108
        print(conn, query)
