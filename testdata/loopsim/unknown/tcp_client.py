# unknown: open_connection
# A TCP round trip: the latency is the network's.
import asyncio


async def main():
    reader, writer = await asyncio.open_connection("example.com", 80)
    writer.write(b"HEAD / HTTP/1.0\r\n\r\n")
    await writer.drain()
    await reader.read(100)
    writer.close()
    await writer.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
