import time

import psycopg2

_conn = None


def init_db(retries=5):
    global _conn
    for attempt in range(retries):
        try:
            _conn = psycopg2.connect("dbname=app")
            return _conn
        except psycopg2.OperationalError:
            time.sleep(2**attempt)
    raise RuntimeError("database unavailable")


def get_db():
    conn = psycopg2.connect("dbname=app")
    try:
        yield conn
    finally:
        conn.close()
