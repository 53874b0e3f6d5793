# config: asl201-local-files = true  # mechanics shown with local-file sinks
# click's echo(): a helper annotated `-> Optional[BinaryIO]` that returns what
# it was given (cast, or its .buffer) returns the caller's stream, here
# sys.stdout, not a file on disk; and `stream.write(b"")` probes the stream
# without moving data.
import sys
import typing as t


def _is_binary_writer(stream: t.IO[t.Any], default: bool = False) -> bool:
    try:
        stream.write(b"")
    except Exception:
        try:
            stream.write("")
            return False
        except Exception:
            pass
        return default
    return True


def _find_binary_writer(stream: t.IO[t.Any]) -> t.Optional[t.BinaryIO]:
    if _is_binary_writer(stream, False):
        return t.cast(t.BinaryIO, stream)
    buf = getattr(stream, "buffer", None)
    if buf is not None and _is_binary_writer(buf, True):
        return t.cast(t.BinaryIO, buf)
    return None


def echo(message: bytes, file: t.Optional[t.IO[t.Any]] = None) -> None:
    if file is None:
        file = sys.stdout
    binary_file = _find_binary_writer(file)
    if binary_file is not None:
        binary_file.write(message)
        binary_file.flush()


def _open_log() -> t.BinaryIO:
    return open("app.log", "ab")


def log(message: bytes) -> None:
    _open_log().write(message)


async def main() -> None:
    echo(b"hello")  # quiet: echo writes to the caller's stream (stdout)
    log(b"hello")  # want: ASL201
