# The generic class and the argument's class live in other modules: the
# type arguments travel with the path the project follows.
from app.client import Client
from app.holder import Holder


async def fires(h: Holder[Client]):
    h.get().fetch()  # want: ASL102
    h.maybe().fetch()  # want: ASL102
    h.value.fetch()  # want: ASL102
    h.item.fetch()  # want: ASL102


async def quiet(h: Holder[Client], s: Holder[str], plain: Holder):
    # Quiet: awaited.
    await h.get().fetch()
    # Quiet: a synchronous method of the argument's type.
    h.get().size()
    # Quiet: a method whose return is no type parameter.
    h.count()
    # Quiet: another argument.
    s.get().fetch()
    # Quiet: no arguments.
    plain.get().fetch()
