class Repo:
    async def _fetch(self, user_id: int) -> dict:
        return {"id": user_id}

    def fetch_user(self, user_id: int):
        # A coroutine factory: it returns the coroutine for its caller to await.
        return self._fetch(user_id)

    def fetch_cached(self, user_id: int):
        return self.fetch_user(user_id)

    def describe(self, user_id: int) -> str:
        return str(user_id)


repo = Repo()
