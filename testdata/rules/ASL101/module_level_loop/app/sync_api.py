from app.loop import loop


async def _get(key):
    return key


def get(key):
    return loop.run_until_complete(_get(key))
