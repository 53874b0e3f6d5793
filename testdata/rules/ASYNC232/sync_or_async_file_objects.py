# A coroutine that takes sync and async file objects alike awaits the method
# of an async one and calls a sync one's (often a BytesIO) directly.
import inspect
from typing import BinaryIO

BUFSIZE = 64 * 1024


async def co_copyfh(ifh: BinaryIO, ofh: BinaryIO, len_=None):
    ifh_is_async = inspect.iscoroutinefunction(ifh.read)
    ofh_is_async = inspect.iscoroutinefunction(ofh.write)
    while len_ is None or len_ > 0:
        bufsize = BUFSIZE if len_ is None else min(BUFSIZE, len_)
        if ifh_is_async:
            buf = await ifh.read(bufsize)
        else:
            buf = ifh.read(bufsize)  # quiet: the sync branch of a dual call
        if not buf:
            return
        if ofh_is_async:
            await ofh.write(buf)
        else:
            ofh.write(buf)  # quiet
        if len_:
            len_ -= len(buf)


async def copy_sync_only(ifh: BinaryIO, ofh: BinaryIO, verbose=False):
    buf = ifh.read(BUFSIZE)  # want: ASYNC232
    if buf:
        ofh.write(buf)  # want: ASYNC232


async def awaited_other_object(ifh: BinaryIO, reader, ofh: BinaryIO):
    data = await reader.read()
    if data:
        ofh.write(data)  # want: ASYNC232
    return ifh.read()  # want: ASYNC232
