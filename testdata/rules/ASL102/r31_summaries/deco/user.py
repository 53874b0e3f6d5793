from deco.wrap import log_calls


@log_calls
async def used():
    return 1
