import asyncio
import logging
from typing import Optional

from app.repos import Cache, UserRepo
from app.repos.users import UserRepo as Repo

log = logging.getLogger(__name__)


async def audit(event: str) -> None:
    log.info(event)


class UserService:
    def __init__(self, repo: UserRepo, cache: "Cache") -> None:
        self.repo = repo
        self.cache = cache
        self._tasks: set = set()

    async def remove(self, user_id: int) -> None:
        if not self.repo.exists(user_id):  # want: ASL102
            raise KeyError(user_id)
        self.repo.delete(user_id)  # want: ASL102
        self.cache.invalidate(str(user_id))  # want: ASL102
        audit(f"deleted {user_id}")  # want: ASL102

    async def lookup(self, user_id: int) -> Optional[dict]:
        cached = self.cache.get(str(user_id))
        if cached is not None:
            return cached
        user = self.repo.get(user_id)  # want: ASL102
        if user is None or not user:
            raise KeyError(user_id)
        return {"name": user["name"]}

    async def lookup_lazy(self, user_id: int):
        # Returned from an async def: awaiting lookup_lazy() gives a coroutine.
        user = self.repo.get(user_id)  # want: ASL102
        return user if user else None

    async def touch(self, user_id: int) -> None:
        # Quiet: awaited, gathered, scheduled and kept, returned.
        await self.repo.get(user_id)
        await asyncio.gather(self.cache.set("k", 1), audit("touch"))
        task = asyncio.create_task(self.repo.delete(user_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        coro = audit("later")
        await asyncio.wait_for(coro, timeout=1)
        _ = self.repo.table()

    def describe(self) -> str:
        # Quiet: a sync method of the same repo.
        return self.repo.table()

    async def defer(self, user_id: int):
        # Returned from an async def: the caller's await yields a coroutine.
        return self.repo.exists(user_id)  # want: ASL102

    def defer_sync(self, user_id: int):
        # Quiet: a sync factory returns the coroutine for its caller to await.
        return self.repo.exists(user_id)


async def handler(repo: Repo, user_id: int) -> dict:
    found = await repo.exists(user_id)
    ok = repo.exists(user_id) or found  # want: ASL102
    return {"ok": ok}


async def shadow(audit, user_id: int) -> None:
    # Quiet: the parameter is some sync callable, not the coroutine function.
    audit(user_id)


def on_shutdown(service: UserService) -> None:
    # Sync code calling a coroutine function: the coroutine never runs.
    audit("shutdown")  # want: ASL102
    asyncio.run(audit("shutdown"))
