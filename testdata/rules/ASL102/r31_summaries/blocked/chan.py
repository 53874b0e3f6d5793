from aiormq.base import SlowChannel


def blocking(fn):
    def wrapper(*args, **kwargs):
        return None

    return wrapper


class Blocked(SlowChannel):
    @blocking
    async def ping(self):
        return None
