from . import util
from .util import fetch, load


async def by_name(key):
    fetch(key)  # want: ASL201
    load(key)


async def by_module(key):
    util.fetch(key)  # want: ASL201
    util.load(key)
