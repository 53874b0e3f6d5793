# Code generated from a synchronous twin (psycopg's connection_async.py) keeps
# the twin's line in a branch that never runs.

import asyncio


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


async def agather(*tasks):
    await asyncio.gather(*tasks)


class Pool:
    # psycopg-pool's pool_async.py keeps the sync twin's __del__ under a
    # class-level `if False:  # ASYNC`: the method is never defined, so its
    # body never runs.
    if False:  # ASYNC

        def __del__(self):
            agather(*self._workers)  # quiet: never defined

    if True:  # ASYNC

        def close_now(self):
            agather(*self._workers)  # want: ASL102
    else:

        def close_now(self):
            agather(*self._workers)  # quiet: the else of `if True:`


if False:

    def module_twin(pool):
        agather(*pool._workers)  # quiet: never defined
