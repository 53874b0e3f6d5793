class Cache:
    def __init__(self) -> None:
        self.data: dict = {}

    async def set(self, key: str, value) -> None:
        self.data[key] = value

    async def invalidate(self, key: str) -> None:
        self.data.pop(key, None)

    def get(self, key: str):
        return self.data.get(key)
