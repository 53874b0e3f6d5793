# `async def __post_init__` is a mistake where a dataclass's generated
# `__init__` calls it; elsewhere the class's own code, or a decorator of
# another library, may await it.
import dataclasses
from dataclasses import dataclass

from asyncmodels import async_dataclass


@dataclasses.dataclass(frozen=True)
class Settings:
    path: str

    async def __post_init__(self):  # want: ASL111 "the dataclass's `__init__` makes a coroutine that never runs"
        pass


@dataclass
class Row:
    key: str

    async def __post_init__(self):  # want: ASL111
        pass


@async_dataclass
class Model:
    key: str

    async def __post_init__(self):  # quiet: another library's decorator may await it
        pass


@dataclass
@async_dataclass
class Wrapped:
    key: str

    async def __post_init__(self):  # quiet: the inner decorator may wrap the class
        pass


class Resource:
    async def __post_init__(self):  # quiet: not a dataclass; create() awaits it
        pass

    @classmethod
    async def create(cls):
        self = cls()
        await self.__post_init__()
        return self


@dataclass(init=False)
class Handwritten:
    key: str

    def __init__(self, key):
        self.key = key

    async def __post_init__(self):  # quiet: init=False, no generated `__init__` calls it; the class's own code may await it
        pass
