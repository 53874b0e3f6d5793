import asyncio

from .client import get_user


def load_user(uid):
    return asyncio.run(get_user(uid))


def load_profile(uid):
    return {"user": load_user(uid)}
