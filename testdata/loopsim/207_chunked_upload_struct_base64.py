# Chunked uploads: an async generator of chunks framed with struct, base64 and textwrap payloads, a Protocol-typed async-context-manager sink.
import asyncio
import base64
import textwrap
import struct
from typing import AsyncIterator, Protocol


class Sink(Protocol):
    async def write(self, chunk: bytes) -> None: ...


class SlowSink:
    def __init__(self, per_kb: float):
        self.per_kb = per_kb
        self.written = 0

    async def write(self, chunk: bytes) -> None:
        self.written += len(chunk)
        await asyncio.sleep(self.per_kb * len(chunk) / 1024)

    async def __aenter__(self):
        await asyncio.sleep(0.005)
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0.002)
        return False


async def chunks(data: bytes, size: int) -> AsyncIterator[bytes]:
    for off in range(0, len(data), size):
        await asyncio.sleep(0)
        yield data[off:off + size]


def frame(chunk: bytes) -> bytes:
    return struct.pack(">I", len(chunk)) + chunk


async def upload(name: str, data: bytes, sink: Sink):
    sent = 0
    async for c in chunks(data, 4096):
        await sink.write(frame(c))
        sent += 1
    return name, sent


async def main():
    payloads = {
        "a": b"x" * 10_000,
        "b": base64.b64encode(b"y" * 6000),
        "c": textwrap.dedent("""\
            line one
            line two
        """).encode() * 500,
    }
    async with SlowSink(per_kb=0.004) as sink:
        results = await asyncio.gather(*(upload(n, d, sink) for n, d in payloads.items()))
    gen = chunks(b"z" * 9000, 4096)
    first = await anext(gen)
    rest = [c async for c in gen]
    await asyncio.sleep(0.001 * (len(first) // 1024 + len(rest)))
    print(results, sink.written)


if __name__ == "__main__":
    asyncio.run(main())
