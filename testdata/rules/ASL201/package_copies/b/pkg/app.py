from . import util
from .util import fetch, load


async def by_name(key):
    fetch(key)
    load(key)  # want: ASL201


async def by_module(key):
    util.fetch(key)
    util.load(key)  # want: ASL201
