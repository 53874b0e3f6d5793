# An override of an async method of a base class in another module keeps
# the base's signature: methods are not reported.
from base import Storage


class MemoryStorage(Storage):
    def __init__(self):
        self.data = {}

    async def load(self, key):  # quiet: overrides Storage.load
        return self.data[key]


async def lookup(storage, key):  # want: ASYNC124
    return storage.data.get(key)
