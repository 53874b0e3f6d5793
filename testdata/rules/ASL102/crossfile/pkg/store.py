class Store:
    async def get(self, key):
        return key


async def load(key):
    return key


def helper():
    return 1
