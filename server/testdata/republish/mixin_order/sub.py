from base import Core
from mixins import Mixin


class Impl(Mixin, Core):
    pass
