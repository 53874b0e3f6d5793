import pkg.util
from pkg.util import fetch, load


async def by_name(key):
    fetch(key)
    load(key)  # want: ASL201


async def by_package(key):
    pkg.util.fetch(key)
    pkg.util.load(key)  # want: ASL201
