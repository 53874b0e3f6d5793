# abc.ABC, typing.Generic and Protocol beside a project base define no
# method of that name, so they do not hide the base's coroutine method; an
# unknown library base before it in the MRO may override it.
from abc import ABC
from typing import Generic, Protocol, TypeVar

from somelib import Widget

from pages.base_page import BasePage

T = TypeVar("T")


class LoginPage(BasePage, ABC):
    def requires_2fa(self) -> bool:
        return "checkpoint" in self.get_actual_url()  # want: ASL102

    async def requires_2fa_ok(self) -> bool:
        return "checkpoint" in await self.get_actual_url()


class AbstractFirstPage(ABC, BasePage):
    def is_home(self) -> bool:
        return self.get_actual_url() == "/"  # want: ASL102


class TypedPage(BasePage, Generic[T]):
    def is_home(self) -> bool:
        return self.get_actual_url() == "/"  # want: ASL102


class Readable(Protocol):
    def read(self) -> bytes:
        ...


class ProtocolPage(BasePage, Readable, Protocol):
    def is_home(self) -> bool:
        return self.get_actual_url() == "/"  # want: ASL102


class WidgetPage(Widget, BasePage):
    def is_home(self) -> bool:
        # Quiet: somelib's Widget comes first in the MRO and may define a
        # sync get_actual_url.
        return self.get_actual_url() == "/"
