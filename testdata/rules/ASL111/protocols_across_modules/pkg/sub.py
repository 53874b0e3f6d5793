from pkg.cms import Guard


class AsyncGuard(Guard):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def quiet():
    async with AsyncGuard():
        pass
