# Writing an empty string or reading zero bytes moves no data: a probe of what
# the stream accepts, or a file that is only created (its open() is ASYNC230's).
import io


async def probe(stream: io.BufferedWriter, f: io.TextIOWrapper) -> bool:
    try:
        stream.write(b"")  # quiet: nothing to write
    except TypeError:
        return False
    f.write("")  # quiet
    f.read(0)  # quiet: nothing to read
    f.write("x")  # want: ASYNC232
    f.read()  # want: ASYNC232
    return True


async def mark_empty(path):
    with open(path, "w") as f:  # want: ASYNC230
        f.write("")  # quiet: an empty file means "CA signed" (electrum)
