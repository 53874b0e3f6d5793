from typing import Optional


class Api:
    async def fetch(self, key: str) -> dict:
        return {}

    def describe(self) -> str:
        return "api"


def make_api() -> Api:
    return Api()


def make_api_untyped():
    if Api:
        return Api()
    return Api()


ApiAlias = Api
MaybeApi = Optional[Api]

api = Api()
