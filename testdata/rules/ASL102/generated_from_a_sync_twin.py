# Code generated from a synchronous twin (psycopg's connection_async.py) keeps
# the twin's line in a branch that never runs.


class Connection:
    def _no_set_async(self, name):
        raise AttributeError(name)

    def _set_autocommit(self, value):
        if True:  # ASYNC
            self._no_set_async("autocommit")
        else:
            self.set_autocommit(value)  # quiet: the else of `if True:` never runs

    def _set_read_only(self, value):
        if False:
            self.set_read_only(value)  # quiet: `if False:` never runs
        for _ in ():
            self.set_read_only(value)  # quiet: nor does a loop over an empty literal
        if value:
            self._no_set_async("read_only")
        else:
            self.set_read_only(value)  # want: ASL102

    async def set_autocommit(self, value):
        pass

    async def set_read_only(self, value):
        pass
