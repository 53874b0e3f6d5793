class LogBase:
    def __init__(self, path: str) -> None:
        # Opened read-only by the base class; subclasses use it.
        self._log = open(path, "r")
        self._out = open(path + ".out", "w")


class LogReader(LogBase):
    async def read_all(self) -> str:
        return self._log.read()  # want: ASYNC232

    async def write_line(self, line: str) -> None:
        self._out.write(line)  # want: ASYNC232

    async def close(self) -> None:
        # Quiet: closing a file opened read-only flushes nothing, as for an
        # attribute the class opens itself.
        self._log.close()
