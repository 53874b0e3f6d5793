async def sleep(seconds):
    raise NotImplementedError
