from typing import Optional

from . import clients
from .base import Model
from .clients import Api, ApiAlias, MaybeApi, api, make_api, make_api_untyped


class Service(Model):
    pool: Api

    def __init__(self) -> None:
        self.api = make_api()
        self.__secret = Api()
        self._lazy: Api | None = None
        self.other = make_api_untyped()

    @property
    def client(self) -> Api:
        return self.api

    async def run(self, alias: ApiAlias, maybe: MaybeApi, opt: Optional["Api"]) -> None:
        self.api.fetch("a")  # want: ASL102
        self.__secret.fetch("b")  # want: ASL102
        self._lazy.fetch("c")  # want: ASL102
        self.client.fetch("d")  # want: ASL102
        self.pool.fetch("e")  # want: ASL102
        self.other.fetch("f")  # want: ASL102
        api.fetch("g")  # want: ASL102
        clients.api.fetch("h")  # want: ASL102
        make_api().fetch("i")  # want: ASL102
        alias.fetch("j")  # want: ASL102
        maybe.fetch("k")  # want: ASL102
        opt.fetch("l")  # want: ASL102
        self.save()  # want: ASL102
        super().refresh()  # want: ASL102
        Service.create().save()  # want: ASL102

    async def run_ok(self) -> None:
        # Quiet: awaited, or sync methods of the same objects.
        await self.api.fetch("a")
        self.api.describe()
        self.client.describe()
        self.sync_save()
        await self.save()
        await Service.create().save()
