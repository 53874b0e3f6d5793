# A chunked upload pipeline: a reader splits a bytes payload into chunks,
# a sentinel object ends the stream, and the uploader's time depends on
# chunk sizes.
import asyncio

_END = object()
CHUNK = 4096


def make_payload(n):
    return bytes(range(256)) * (n // 256) + b"tail"


async def reader(payload, queue):
    view = memoryview(payload)
    for offset in range(0, len(payload), CHUNK):
        await queue.put(bytes(view[offset:offset + CHUNK]))
    await queue.put(_END)


async def uploader(queue, stats):
    buf = bytearray()
    while True:
        item = await queue.get()
        if item is _END:
            break
        buf.extend(item)
        stats["chunks"] += 1
        # 5 ms per full chunk, 1 ms for a short one
        await asyncio.sleep(0.005 if len(item) == CHUNK else 0.001)
    stats["bytes"] = len(buf)
    return buf[:4] == b"\x00\x01\x02\x03"


async def main():
    payload = make_payload(20000)
    queue = asyncio.Queue(maxsize=2)
    stats = {"chunks": 0, "bytes": 0}
    _, ok = await asyncio.gather(reader(payload, queue), uploader(queue, stats))
    if ok and stats["bytes"] == len(payload):
        await asyncio.sleep(0.02)
    print(stats, payload.count(b"\x00"), payload.startswith(b"\x00\x01"))


if __name__ == "__main__":
    asyncio.run(main())
