# An async facade whose __getattr__ offloads every call of the wrapped
# object to a thread: each forwarded attribute is a coroutine function.
import asyncio


class SessionDB:
    def get_session(self, sid):
        return {"id": sid}

    def end_session(self, sid):
        pass


class AsyncSessionDB:
    def __init__(self, db: "SessionDB") -> None:
        self._db = db

    def __getattr__(self, name: str):
        attr = getattr(self._db, name)
        if not callable(attr):
            return attr

        async def _offloaded(*args, **kwargs):
            return await asyncio.to_thread(attr, *args, **kwargs)

        return _offloaded

    def close(self) -> None:
        pass


class SyncProxy:
    # Quiet: this __getattr__ forwards to a plain function.
    def __init__(self, db: "SessionDB") -> None:
        self._db = db

    def __getattr__(self, name: str):
        attr = getattr(self._db, name)

        def _logged(*args, **kwargs):
            return attr(*args, **kwargs)

        return _logged


async def lookup(sid: str) -> dict:
    db = AsyncSessionDB(SessionDB())
    session = db.get_session(sid)  # want: ASL102 "stored in `session` and subscripted"
    return session["id"]
