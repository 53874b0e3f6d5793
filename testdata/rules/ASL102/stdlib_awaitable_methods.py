import asyncio

import aiohttp


async def handle(reader, writer):
    data = await reader.read(100)
    writer.write(data)
    writer.drain()  # want: ASL102
    writer.close()
    writer.wait_closed()  # want: ASL102


async def client():
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    writer.write(b"hi")
    writer.drain()  # want: ASL102
    writer.close()
    await writer.wait_closed()


async def producer(queue: asyncio.Queue):
    for i in range(10):
        queue.put(i)  # want: ASL102


async def consumer():
    q = asyncio.Queue()
    lock = asyncio.Lock()
    event = asyncio.Event()
    q.put(1)  # want: ASL102
    lock.acquire()  # want: ASL102
    event.wait()  # want: ASL102
    item = await q.get()
    return item


async def scrape(url):
    session = aiohttp.ClientSession()
    async with session.get(url) as resp:
        text = await resp.text()
    session.close()  # want: ASL102
    return text


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    main()  # want: ASL102
