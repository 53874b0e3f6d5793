import deco

from aiormq.base import FastChannel


class Logged(FastChannel):
    @deco.wrap.log_calls
    async def flush(self):
        return None
