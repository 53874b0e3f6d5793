# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A helper that opens a file (a context manager around open()) whose file
# the coroutine hands only to an offload call: only the opening is on the
# loop (jupyter-server's `with self.open(path) as f: await run_sync(f.read)`).
import contextlib

from anyio.to_thread import run_sync


class FileIO:
    @contextlib.contextmanager
    def open(self, path, *args):
        with open(path, *args) as f:
            yield f

    async def read_file(self, path):
        with self.open(path, "rb") as f:  # quiet: the read is offloaded
            return await run_sync(f.read)

    async def read_file_on_loop(self, path):
        with self.open(path, "rb") as f:  # want: ASL201
            return f.read()
