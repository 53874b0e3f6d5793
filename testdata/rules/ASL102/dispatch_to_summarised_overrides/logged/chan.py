import deco

from aiormq.base import FastChannel


class Logged(FastChannel):
    # An async def the project's decorator keeps one (its module reached
    # as an attribute of the package imported).
    @deco.wrap.log_calls
    async def flush(self):
        return None
