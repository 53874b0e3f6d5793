class AsyncFetch:
    async def fetch(self):
        return None


class AsyncClose:
    async def close(self):
        return None


class PlainPing:
    def ping(self):
        return False
