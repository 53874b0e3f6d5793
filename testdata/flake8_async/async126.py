# upstream: tests/eval_files/async126.py @ 129f952221fb939323474e4eaa66d0dd77ce6372
# codes: ASYNC126
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import sys

if sys.version_info < (3, 11):
    from exceptiongroup import BaseExceptionGroup, ExceptionGroup

import exceptiongroup as egmod


class PlainGroup(ExceptionGroup):  # want: ASYNC126
    pass


class PlainBaseGroup(BaseExceptionGroup):  # want: ASYNC126
    pass


class GenericGroup(ExceptionGroup[Exception]):  # want: ASYNC126
    pass


class DottedGroup(egmod.ExceptionGroup):  # want: ASYNC126
    pass


class _Extra: ...


class MixedGroup(_Extra, ExceptionGroup):  # want: ASYNC126
    pass


class Derives(ExceptionGroup):
    def derive(self, excs):
        return Derives(self.message, excs)


class DerivesBase(BaseExceptionGroup):
    def derive(self, excs):
        return DerivesBase(self.message, excs)


class DerivesGeneric(ExceptionGroup[Exception]):
    def derive(self, excs):
        return DerivesGeneric(self.message, excs)


class DerivesAsync(ExceptionGroup):
    async def derive(self, excs):
        return DerivesAsync(self.message, excs)


class NotAGroup(Exception):
    pass


class Holder:
    class InnerPlain(ExceptionGroup):  # want: ASYNC126
        pass

    class InnerDerives(ExceptionGroup):
        def derive(self, excs):
            return Holder.InnerDerives(self.message, excs)


# An earlier version of upstream's file split long headers (black) and wrote the
# expectation on the header's last line; the current one shortens the names.
class SplitHeaderGroup(  # extra: ASYNC126 -- reported on the `class` line
    ExceptionGroup[Exception]
):  # differs: ASYNC126 -- that earlier file expects the split header's last line; a noqa here works for both
    pass
