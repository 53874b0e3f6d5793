# unknown: serve_forever
# A TCP server that runs until killed.
import asyncio


async def handle(reader, writer):
    data = await reader.read(100)
    writer.write(data)
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
