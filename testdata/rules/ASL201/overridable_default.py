# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A server whose file-system hooks users override (possibly with async
# methods): the dispatcher awaits each hook's result when it is awaitable.
# The blocking default is reported once, at the default method.
import inspect
import os


class FileServer:
    def stat(self, path):  # want: ASL201 "default method `FileServer\.stat\(\)` blocks the event loop: it reaches blocking `os\.stat\(\)`, and coroutines such as `process_stat` \(and `process_lstat`\) call it"
        return os.stat(path)

    def remove(self, path):  # want: ASL201 "coroutines such as `process_remove` call it expecting"
        os.remove(path)

    def realpath(self, path):
        return path


class Handler:
    def __init__(self, server: FileServer):
        self._server = server

    async def process_stat(self, path):
        result = self._server.stat(path)  # quiet: reported at FileServer.stat
        if inspect.isawaitable(result):
            result = await result
        return result

    async def process_lstat(self, path):
        result = self._server.stat(path)  # quiet: reported once, at the default
        if inspect.isawaitable(result):
            result = await result
        return result

    async def process_remove(self, path):
        result = self._server.remove(path)
        if inspect.isawaitable(result):
            await result

    async def process_realpath(self, path):
        result = self._server.realpath(path)  # quiet: the default does not block
        if inspect.isawaitable(result):
            result = await result
        return result

    async def process_fixed(self, path):
        return self._server.stat(path)  # want: ASL201
