# Temporary files: the ones that open a file on disk are reported; a spooled
# file keeps its data in memory until a write passes max_size, and a
# temporary directory is one mkdir (ASYNC240's family, off by default).
import tempfile


async def spool_request_body(receive):
    body = tempfile.SpooledTemporaryFile(max_size=65536)  # quiet: nothing is opened on disk
    while True:
        message = await receive()
        body.write(message.get("body", b""))
        if not message.get("more_body"):
            break
    body.seek(0)
    return body


async def scratch_space(data: bytes):
    with tempfile.TemporaryDirectory() as d:  # want: ASYNC240 (a mkdir, not an open file)
        with open(d + "/data.bin", "wb") as f:  # want: ASYNC230
            f.write(data)  # named in the open's finding
    made = tempfile.mkdtemp()  # want: ASYNC240
    fd, path = tempfile.mkstemp()  # want: ASYNC230 (creates and opens a file)
    tmp = tempfile.TemporaryFile()  # want: ASYNC230
    named = tempfile.NamedTemporaryFile(delete=False)  # want: ASYNC230
    return made, fd, path, tmp, named
