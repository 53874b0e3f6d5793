from aiormq.base import SlowChannel
from blocked.wrappers import blocking as run_blocking


class Blocked(SlowChannel):
    # An async def the project's decorator replaces with a plain function.
    @run_blocking
    async def ping(self):
        return None
