import asyncio

import aiohttp
import asyncpg


class Base:
    async def close(self):
        pass

    def sync_close(self):
        pass


class Child(Base):
    async def close(self):
        super().close()  # want: ASL102
        super().sync_close()
        await super().close()


async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            resp.json()  # want: ASL102
            data = await resp.json()
        session.close()  # want: ASL102
    conn = await asyncpg.connect("postgres://")
    conn.execute("SELECT 1")  # want: ASL102
    await conn.close()
    return data


def annotated(repo: "Child"):
    repo.close()  # want: ASL102


# Quiet: awaited or handed on.
async def fine(url, session: aiohttp.ClientSession):
    await session.close()
    reader, writer = await asyncio.open_connection("h", 1)
    writer.write(b"x")
    await writer.drain()
    writer.close()
    await asyncio.gather(session.close())
