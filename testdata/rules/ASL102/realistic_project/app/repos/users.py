from typing import Optional


class UserRepo:
    def __init__(self, pool) -> None:
        self.pool = pool

    async def get(self, user_id: int) -> Optional[dict]:
        return await self.pool.fetchrow("select * from users where id = $1", user_id)

    async def exists(self, user_id: int) -> bool:
        return await self.get(user_id) is not None

    async def delete(self, user_id: int) -> None:
        await self.pool.execute("delete from users where id = $1", user_id)

    def table(self) -> str:
        return "users"
