# A project base class whose coroutine methods subclasses in other modules
# call on self.
from abc import ABC, abstractmethod


class BasePage(ABC):
    async def get_actual_url(self) -> str:
        return ""

    @abstractmethod
    async def open(self) -> None:
        ...
