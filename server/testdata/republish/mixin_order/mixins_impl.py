class AsyncLoad:
    async def load(self):
        return 3


class Plain:
    def other(self):
        return 1
