# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A blocking call written over several lines, with a comment inside, is
# quoted on one line in the message: its long arguments as `(...)`.
import sqlite3


def schema_version(path):
    return sqlite3.connect(path).execute(
        """
            SELECT value
            FROM params
            WHERE key == ?
        """,  # nosec: a constant
        ["version"],
    ).fetchone()


async def check_schema(path):
    schema_version(path)  # want: ASL201 "it calls blocking `sqlite3\.connect\(path\)\.execute\(\.\.\.\)\.fetchone\(\)`"
