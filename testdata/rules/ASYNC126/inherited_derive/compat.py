# derive inherited from a project base class, here and across modules.
from errors import MultiError, PlainGroup


class NonBaseMultiError(MultiError, ExceptionGroup):  # quiet: MultiError defines derive
    pass


class Local(ExceptionGroup):
    def derive(self, excs):
        return Local(self.message, excs)


class LocalChild(Local, ExceptionGroup):  # quiet: inherits Local.derive
    pass


class StillMissing(PlainGroup, ExceptionGroup):  # want: ASYNC126
    pass
