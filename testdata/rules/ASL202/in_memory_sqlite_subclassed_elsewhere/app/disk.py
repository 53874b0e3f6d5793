from app.stores import DefaultStore, MemoryCache, PlainCache, PlainStore


class FileStore(DefaultStore):
    pass


class NamedFileStore(FileStore):
    # Two levels down, in another module: its instances open a file.
    path = "store.db"


class DiskCache(MemoryCache):
    def __init__(self, path):
        super().__init__()
        self._db = __import__("sqlite3").connect(path)


class LabelledStore(PlainStore):
    label = "child"


class LabelledCache(PlainCache):
    def label(self):
        return "cache"
