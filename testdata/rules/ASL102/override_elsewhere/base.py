# A method that a subclass in a module this one never imports overrides with
# a sync def may not return a coroutine: calling it without await is not
# reported. One that no subclass overrides is.


class Command:
    async def _close(self):
        pass

    async def _flush(self):
        pass

    async def _open(self):
        pass

    def close(self):
        self._close()  # quiet: local.Local overrides _close with a sync def

    def flush(self):
        self._flush()  # quiet: deep.Deep (through the alias Cmd) overrides _flush

    def open(self):
        self._open()  # want: ASL102
