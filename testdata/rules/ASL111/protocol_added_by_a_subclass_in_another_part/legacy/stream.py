from aiormq.stream import Stream


class SyncStream(Stream):
    def __iter__(self):
        return iter([])
