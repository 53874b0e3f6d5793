# An in-memory sqlite database is CPU work, not I/O, also when the
# connection is kept on the instance: a cursor property returning
# `self._cursor`, made from a `connection` property that connects to a
# database whose declared default is ":memory:" (jupyter-server's session
# manager: `database_filepath = Unicode(default_value=":memory:", ...)
# .tag(config=True)`, a file only when a user configures one).
import sqlite3
from dataclasses import dataclass


def Unicode(default_value="", help=""):
    return Trait(default_value)


class Trait:
    def __init__(self, default):
        self.default = default

    def tag(self, **kw):
        return self


class SessionManager:
    database_filepath = Unicode(
        default_value=":memory:",
        help="The filesystem path to the SQLite database file; in memory by default.",
    ).tag(config=True)

    _cursor = None
    _connection = None

    @property
    def cursor(self):
        if self._cursor is None:
            self._cursor = self.connection.cursor()
            self._cursor.execute("CREATE TABLE IF NOT EXISTS session (id, path)")
        return self._cursor

    @property
    def connection(self):
        if self._connection is None:
            self._connection = sqlite3.connect(self.database_filepath, isolation_level=None)
        return self._connection

    def close(self):
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None

    async def session_exists(self, path):
        self.cursor.execute("SELECT * FROM session WHERE path=?", (path,))  # quiet: in memory by default
        return self.cursor.fetchone() is not None  # quiet

    async def count(self):
        return self.connection.execute("SELECT count(*) FROM session").fetchone()  # quiet


class Cache:
    def __init__(self):
        self._db = sqlite3.connect(":memory:")

    async def get(self, key):
        return self._db.execute("SELECT v FROM kv WHERE k=?", (key,)).fetchone()  # quiet: a literal in-memory database


class PlainDefault:
    path = ":memory:"

    async def rows(self):
        db = sqlite3.connect(self.path)  # quiet: the declared default
        return db.execute("SELECT 1").fetchall()


# The nearest code that still waits on a file.


class FileSessionManager:
    database_filepath = Unicode(default_value="sessions.db")  # a file by default

    _cursor = None

    @property
    def cursor(self):
        if self._cursor is None:
            self._cursor = sqlite3.connect(self.database_filepath).cursor()
        return self._cursor

    async def session_exists(self, path):
        self.cursor.execute("SELECT * FROM session WHERE path=?", (path,))  # want: ASL202 "self.cursor.execute"


class ConfiguredPath:
    database_filepath = Unicode(default_value=":memory:")

    def __init__(self, path):
        self.database_filepath = path  # assigned by the class: the default is not what runs

    async def rows(self):
        db = sqlite3.connect(self.database_filepath)  # want: ASL202 "sqlite3.connect"
        return db.execute("SELECT 1").fetchall()


class MixedConnections:
    def __init__(self, path):
        self._db = sqlite3.connect(":memory:")
        if path:
            self._db = sqlite3.connect(path)  # one value a file: reported where it is used

    async def get(self, key):
        return self._db.execute("SELECT v FROM kv WHERE k=?", (key,)).fetchone()  # want: ASL202 "_db.execute"


class ParameterDefault:
    def __init__(self, path=":memory:"):
        self._db = sqlite3.connect(path)  # callers pass files: not followed

    async def get(self, key):
        return self._db.execute("SELECT v FROM kv WHERE k=?", (key,)).fetchone()  # want: ASL202 "_db.execute"


# A subclass in the module that gives the attribute a value of its own (a
# file as its class attribute, a property or an assignment of its methods):
# the base's methods open that for the subclass's instances.


class DefaultStore:
    path = ":memory:"

    async def rows(self):
        db = sqlite3.connect(self.path)  # want: ASL202 "sqlite3.connect"
        return db.execute("SELECT 1").fetchall()


class FileStore(DefaultStore):
    path = "store.db"


class MemoryCache:
    @property
    def connection(self):
        return sqlite3.connect(":memory:")

    async def get(self):
        return self.connection.execute("SELECT 1").fetchone()  # want: ASL202 "connection.execute"


class DiskCache(MemoryCache):
    @property
    def connection(self):
        return sqlite3.connect("cache.db")


class MemoryBacked:
    def __init__(self):
        self._db = sqlite3.connect(":memory:")

    async def get(self):
        return self._db.execute("SELECT 1").fetchone()  # want: ASL202 "_db.execute"


class DiskBacked(MemoryBacked):
    def __init__(self, path):
        super().__init__()
        self._db = sqlite3.connect(path)


# The nearest quiet code: a subclass that leaves the database alone.


class LabelledDefault(PlainDefault):
    label = "child"

    async def labelled(self):
        return self.label


class LabelledCache(Cache):
    def __init__(self):
        super().__init__()
        self.label = "child"


# A dataclass field's default is the default of the `__init__` dataclasses
# writes: its callers may pass a file, as with ParameterDefault above.


@dataclass
class StoreOptions:
    path: str = ":memory:"

    async def rows(self):
        db = sqlite3.connect(self.path)  # want: ASL202 "sqlite3.connect"
        return db.execute("SELECT 1").fetchall()


@dataclass
class StoreWithClassDefault:
    label: str = "store"
    path = ":memory:"  # not annotated: a class attribute, no field

    async def rows(self):
        db = sqlite3.connect(self.path)  # quiet: no caller sets it
        return db.execute("SELECT 1").fetchall()


# A static method's first parameter is any object, not the class's instance.


class StaticOpener:
    path = ":memory:"

    @staticmethod
    async def rows(store):
        db = sqlite3.connect(store.path)  # want: ASL202 "sqlite3.connect"
        return db.execute("SELECT 1").fetchall()
