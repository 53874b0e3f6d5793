# Synchronous ORM helpers made async callables by a decorator: calling one
# makes a coroutine (its body runs in a worker thread), so a call that is
# not awaited is a missing await, here and in the modules that import them
# (consumers.py).
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
import functools


@database_sync_to_async
def fetch_user_chats(user_type, user_id):
    return [{"chat_id": 1, "user": user_id, "type": user_type}]


@sync_to_async(thread_sensitive=True)
def count_unread(user_id):
    return 3


@sync_to_async
@functools.lru_cache(maxsize=None)
def load_settings(name):
    return {"name": name}


# Quiet: not made async (a plain sync helper, a decorator of the project
# that is not a factory), or not decided (a factory applied below another
# decorator that is not known to keep what it wraps).
def plain_rows(user_id):
    return [user_id]


def logged(func):
    return func


@logged
def logged_rows(user_id):
    return [user_id]


@functools.cache
@sync_to_async
def cached_coroutine_maker(user_id):
    return [user_id]


async def refresh(user_id):
    chats = fetch_user_chats("users", user_id)  # want: ASL102 "coroutine `fetch_user_chats\(\)` is never awaited: it is stored in `chats` and iterated as if it were its result"
    for chat in chats:
        print(chat)
    unread = await count_unread(user_id)
    settings = load_settings("theme")  # want: ASL102 "subscripted as if it were its result"
    return unread, settings["name"]


def sync_caller(user_id):
    # A synchronous caller gets a coroutine object too.
    count_unread(user_id)  # want: ASL102 "coroutine `count_unread\(\)` is never awaited"
    return plain_rows(user_id) + logged_rows(user_id)


async def quiet_calls(user_id):
    rows = plain_rows(user_id) + logged_rows(user_id)
    made = cached_coroutine_maker(user_id)
    return rows, made[0]
