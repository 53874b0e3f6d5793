# smbprotocol's smbclient mirrors os and os.path on an SMB/CIFS share: every
# call is a request to the file server, and scandir/walk are generators that
# list the directories while they are iterated.
import asyncio
from functools import partial

import smbclient
import smbclient.path
from smbclient import open_file, scandir


class NetworkDrive:
    def __init__(self, server, share):
        self.server, self.share = server, share

    async def connect(self, user, password):
        smbclient.register_session(self.server, username=user, password=password)  # want: ASL202 "smbclient has no asyncio"

    async def get_docs(self):
        tree = smbclient.walk(top=rf"\\{self.server}/{self.share}")  # want: ASL202
        for path, _, _ in tree:
            for entry in scandir(path):  # want: ASL202
                yield entry.name

    async def read(self, path):
        if not smbclient.path.exists(path):  # want: ASL202
            return None
        with open_file(path, mode="rb") as f:  # want: ASL202
            return f.read()

    async def names(self, path):
        return smbclient.listdir(path)  # want: ASL202

    # Quiet: the walk runs in a worker thread, through a helper...
    def walk_directories(self):
        return [p for p, _, _ in smbclient.walk(top=rf"\\{self.server}/{self.share}")]

    async def get_docs_in_thread(self):
        loop = asyncio.get_running_loop()
        for path in await loop.run_in_executor(None, self.walk_directories):
            yield path

    # ...or handed over uniterated: scandir's generator sends nothing until
    # list() draws it in the thread.
    async def entries_in_thread(self, path):
        return await asyncio.to_thread(list, smbclient.scandir(path))

    async def delete_in_thread(self, path):
        await asyncio.to_thread(partial(smbclient.remove, path))


# Quiet: a synchronous function may call the share directly.
def copy_report(src, dst):
    with smbclient.open_file(src, mode="rb") as fin, smbclient.open_file(dst, mode="wb") as fout:
        fout.write(fin.read())
