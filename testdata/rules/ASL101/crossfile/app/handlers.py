from app.sync_api import load_profile
from . import sync_api


async def profile(uid):
    return load_profile(uid)  # want: ASL101


async def user(uid):
    return sync_api.load_user(uid)  # want: ASL101


def cli(uid):
    return load_profile(uid)
