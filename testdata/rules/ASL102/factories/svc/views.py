from .repo import repo


async def show(user_id: int) -> str:
    repo.fetch_user(user_id)  # want: ASL102
    user = repo.fetch_cached(user_id)  # want: ASL102
    return user["id"]


async def show_ok(user_id: int) -> str:
    user = await repo.fetch_user(user_id)
    cached = await repo.fetch_cached(user_id)
    repo.describe(user_id)
    return user["id"] + cached["id"]
