import pkg.util
from pkg.util import fetch, load


async def by_name(key):
    fetch(key)  # want: ASL201
    load(key)


async def by_package(key):
    pkg.util.fetch(key)  # want: ASL201
    pkg.util.load(key)
