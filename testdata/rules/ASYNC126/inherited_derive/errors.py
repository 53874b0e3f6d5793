class MultiError(BaseExceptionGroup):
    def derive(self, excs):
        return MultiError(self.message, excs)


class PlainGroup(ExceptionGroup):  # want: ASYNC126
    pass
