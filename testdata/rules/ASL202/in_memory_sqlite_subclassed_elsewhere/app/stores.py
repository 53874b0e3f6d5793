import sqlite3


class DefaultStore:
    path = ":memory:"

    async def rows(self):
        db = sqlite3.connect(self.path)  # want: ASL202 "sqlite3.connect"
        return db.execute("SELECT 1").fetchall()


class MemoryCache:
    def __init__(self):
        self._db = sqlite3.connect(":memory:")

    async def get(self):
        return self._db.execute("SELECT 1").fetchone()  # want: ASL202 "_db.execute"


# The nearest quiet code: subclasses elsewhere that leave the database alone.


class PlainStore:
    path = ":memory:"

    async def rows(self):
        db = sqlite3.connect(self.path)  # quiet: in memory for every subclass
        return db.execute("SELECT 1").fetchall()


class PlainCache:
    def __init__(self):
        self._db = sqlite3.connect(":memory:")

    async def get(self):
        return self._db.execute("SELECT 1").fetchone()  # quiet: in memory for every subclass
