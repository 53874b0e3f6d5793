# `*` stands for one name component; unbound names match as written.
import legacy.db
import legacy.db.inner


async def handler(conn, rows):
    conn.close_sync()  # want: ASYNC200
    legacy.db.query("x")  # want: ASYNC200
    fetch_all()  # want: ASYNC200
    # Quiet: a different number of components, or a bound name that is not it.
    conn.pool.close_sync()
    legacy.db.inner.query("x")
    rows.close()


async def bound(fetch_all):
    fetch_all()


def sync_side(conn):
    conn.close_sync()
