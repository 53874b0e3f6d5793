# A generic class of the project (`class Holder(Generic[T])`, `Protocol[T]`
# or `class Box[T]:`) annotated with its type arguments (`Holder[Client]`):
# a method returning a type parameter (`-> T`, `Optional[T]`, `T | None`),
# a property, and an attribute annotated with one have the argument's type.
from typing import Generic, Optional, Protocol, TypeVar

T = TypeVar("T")
K = TypeVar("K")


class Client:
    async def fetch(self):
        pass

    def size(self):
        return 0


class Holder(Generic[T]):
    item: T

    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item

    def maybe(self) -> Optional[T]:
        return self.item

    def either(self) -> "T | None":
        return self.item

    async def aget(self) -> T:
        return self.item

    @property
    def value(self) -> T:
        return self.item

    def client(self) -> Client:
        return Client()


class Pair(Generic[K, T]):
    def key(self) -> K: ...

    def value(self) -> T: ...


class Source(Protocol[T]):
    def read(self) -> T: ...


class Box[U]:
    def get(self) -> U: ...


class Derived(Holder[T]):
    pass


async def fires(h: Holder[Client], p: Pair[str, Client], s: Source[Client], b: Box[Client]):
    h.get().fetch()  # want: ASL102
    h.maybe().fetch()  # want: ASL102
    h.either().fetch()  # want: ASL102
    (await h.aget()).fetch()  # want: ASL102
    h.value.fetch()  # want: ASL102
    h.item.fetch()  # want: ASL102
    p.value().fetch()  # want: ASL102
    s.read().fetch()  # want: ASL102
    b.get().fetch()  # want: ASL102


async def quiet(h: Holder[Client], p: Pair[Client, str], plain: Holder, d: Derived[Client]):
    # Quiet: awaited.
    await h.get().fetch()
    # Quiet: a synchronous method of the argument's type.
    h.get().size()
    # Quiet: the parameter at that position is another type.
    p.value().fetch()
    # Quiet: no type arguments, nothing known of T.
    plain.get().fetch()
    # Quiet: a method inherited from a generic base is not followed.
    d.get().fetch()
