# The decorated helpers imported from queries.py: awaited they are fine,
# un-awaited they are coroutines used as their results.
import queries
from queries import count_unread, fetch_user_chats, logged_rows, plain_rows


async def send_chat_list_update(user_type, user_id, chat_id):
    chats = fetch_user_chats(user_type, user_id)  # want: ASL102 "it is stored in `chats` and iterated as if it were its result"
    updated = next((c for c in chats if c["chat_id"] == chat_id), None)
    return updated


async def unread_badge(user_id):
    return queries.count_unread(user_id).bit_length()  # want: ASL102 "coroutine `queries.count_unread\(\)` is never awaited"


# Quiet: awaited, handed to gather, or not an async callable.
async def send_chat_list(user_type, user_id):
    chats = await fetch_user_chats(user_type, user_id)
    unread = await count_unread(user_id)
    return chats, unread


async def both(user_id):
    import asyncio
    return await asyncio.gather(fetch_user_chats("users", user_id), count_unread(user_id))


async def rows(user_id):
    return plain_rows(user_id) + logged_rows(user_id)
