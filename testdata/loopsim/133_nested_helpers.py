# Layers of helpers: handler -> service -> repository -> "db"; only the
# leaves sleep, and the middle layer fans out.
import asyncio


async def db_call(table: str) -> dict:
    await asyncio.sleep(0.03 if table == "users" else 0.05)
    return {"table": table}


async def repo_get(table: str, key: int) -> dict:
    row = await db_call(table)
    row["key"] = key
    return row


async def load_profile(user_id: int) -> dict:
    user = await repo_get("users", user_id)
    orders, prefs = await asyncio.gather(repo_get("orders", user_id), repo_get("prefs", user_id))
    return {"user": user, "orders": orders, "prefs": prefs}


async def handle_request(user_ids) -> list:
    profiles = []
    for uid in user_ids:
        profiles.append(await load_profile(uid))
    return profiles


async def main():
    print(len(await handle_request([1, 2, 3])))


if __name__ == "__main__":
    asyncio.run(main())
