import os
import urllib.parse
from logging import getLogger
from typing import Any

from inspect_ai._util.file import filesystem, size_in_mb
from inspect_ai.log._file import (
    EvalLogInfo,
    eval_log_json,
    read_eval_log_async,
)

logger = getLogger(__name__)


def normalize_uri(uri: str) -> str:
    """Normalize incoming URIs to a consistent format."""
    # Decode any URL-encoded characters
    parsed = urllib.parse.urlparse(urllib.parse.unquote(uri))

    if parsed.scheme != "file":
        # If this isn't a file uri, just unquote it
        return urllib.parse.unquote(uri)

    else:
        path = parsed.path
        if path.startswith("/") and len(path) > 3 and path[2] == ":":
            path = path[1:]

        return f"file://{path}"


async def get_log_file(file: str, header_only_param: str | None) -> bytes:
    # resolve header_only
    header_only_mb = int(header_only_param) if header_only_param is not None else None
    header_only = resolve_header_only(file, header_only_mb)

    contents: bytes | None = None
    if header_only:
        try:
            log = await read_eval_log_async(file, header_only=True)
            contents = eval_log_json(log)
        except ValueError as ex:
            logger.info(
                f"Unable to read headers from log file {file}: {ex}. "
                + "The file may include a NaN or Inf value. Falling back to reading entire file."
            )

    if contents is None:  # normal read
        log = await read_eval_log_async(file, header_only=False)
        contents = eval_log_json(log)

    return contents


async def get_log_size(log_file: str) -> int:
    fs = filesystem(log_file)
    info = fs.info(log_file)
    return info.size


async def delete_log(log_file: str) -> None:
    fs = filesystem(log_file)
    fs.rm(log_file)


def resolve_header_only(path: str, header_only: int | None) -> bool:
    # if there is a max_size passed, respect that and switch to
    # header_only mode if the file is too large
    if header_only == 0:
        return True
    if header_only is not None and size_in_mb(path) > int(header_only):
        return True
    else:
        return False
