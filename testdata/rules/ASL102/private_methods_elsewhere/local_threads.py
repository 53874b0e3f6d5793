# A synchronous definition of `_flush_both` (here a plain function), and a
# class-level binding of `_cached_fetch`: a receiver of unknown type may be
# anything that has them.


def _flush_both(self):
    return None


class CachedThread:
    async def _cached_fetch(self, message_id):
        return {}

    _lookup = dict.get


class Other:
    _cached_fetch = None


class Writer:
    def __init__(self, out):
        # An instance attribute bound to a synchronous callable.
        self._write = out.write

    def flush(self):
        self._write(b"")
