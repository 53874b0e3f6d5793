from typing import Generic, Optional, TypeVar

T = TypeVar("T")


class Holder(Generic[T]):
    item: T

    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item

    def maybe(self) -> Optional[T]:
        return self.item

    @property
    def value(self) -> T:
        return self.item

    def count(self) -> int:
        return 1
