import asyncio

import aiosqlite

_loop = asyncio.new_event_loop()


async def _fetch_balance(user_id):
    async with aiosqlite.connect("bank.db") as db:
        async with db.execute("SELECT balance FROM users WHERE id = ?", (user_id,)) as cur:
            row = await cur.fetchone()
            return row[0] if row else 0


def get_balance(user_id):
    """Sync wrapper so old code keeps working."""
    return asyncio.run(_fetch_balance(user_id))


def get_balance_cached(user_id):
    return _loop.run_until_complete(_fetch_balance(user_id))


class Storage:
    def balance(self, user_id):
        return get_balance(user_id)
