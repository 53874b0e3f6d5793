from app.state import AsyncSessionDB, SessionDB, SyncProxy


class Runner:
    def __init__(self) -> None:
        self._session_db = AsyncSessionDB(SessionDB())
        self._proxy = SyncProxy(SessionDB())

    async def switch_model(self, sid: str) -> None:
        self._session_db.end_session(sid)  # want: ASL102 "coroutine `self._session_db.end_session\(\)` is never awaited"

    async def switch_model_ok(self, sid: str) -> None:
        # Quiet: awaited; a method the facade defines; an attribute it
        # sets; a sync forwarder.
        await self._session_db.end_session(sid)
        self._session_db.close()
        print(self._session_db._db)
        self._proxy.end_session(sid)
