import exceptiongroup


class RequestErrors(ExceptionGroup):  # want: ASYNC126 "`RequestErrors` subclasses ExceptionGroup without overriding `derive`"
    def __new__(cls, msg, excs, request):
        self = super().__new__(cls, msg, excs)
        self.request = request
        return self


class Backport(exceptiongroup.BaseExceptionGroup):  # want: ASYNC126
    pass


# Quiet
class WithDerive(ExceptionGroup):
    def derive(self, excs):
        return WithDerive(self.message, excs)


class NotAGroup(Exception):
    pass
