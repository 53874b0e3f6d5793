# Cases from flake8-async's eval_files/async126.py.
import sys

if sys.version_info < (3, 11):
    from exceptiongroup import BaseExceptionGroup, ExceptionGroup


class NoDerive(ExceptionGroup):  # want: ASYNC126
    pass


class NoDeriveBE(BaseExceptionGroup):  # want: ASYNC126
    pass


class NoDeriveG(ExceptionGroup[Exception]):  # want: ASYNC126
    pass


import exceptiongroup as eg


class NoDeriveQ(eg.ExceptionGroup):  # want: ASYNC126
    pass


class _Mixin: ...


class MultiBase(_Mixin, ExceptionGroup):  # want: ASYNC126
    pass


class HasDerive(ExceptionGroup):
    def derive(self, excs):
        return HasDerive(self.message, excs)


class HasDeriveBE(BaseExceptionGroup):
    def derive(self, excs):
        return HasDeriveBE(self.message, excs)


class HasDeriveG(ExceptionGroup[Exception]):
    def derive(self, excs):
        return HasDeriveG(self.message, excs)


class AsyncDer(ExceptionGroup):
    async def derive(self, excs):
        return AsyncDer(self.message, excs)


class NotAnEG(Exception):
    pass


class Outer:
    class InnerNo(ExceptionGroup):  # want: ASYNC126
        pass

    class InnerHas(ExceptionGroup):
        def derive(self, excs):
            return Outer.InnerHas(self.message, excs)
