import aiohttp


class Api:
    def __init__(self) -> None:
        self.session = aiohttp.ClientSession()

    async def fetch(self) -> int:
        return 1

    def describe(self) -> str:
        return "api"


class SyncApi:
    def fetch(self) -> int:
        return 1
