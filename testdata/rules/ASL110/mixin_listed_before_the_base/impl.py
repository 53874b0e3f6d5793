from core import Core
from mixins import AsyncClose, AsyncFetch, PlainPing


class Impl(AsyncFetch, Core):
    pass


# Core comes first: its close and ping are the ones that run.
class Late(Core, AsyncClose):
    pass


class Pinged(PlainPing, Core):
    pass
