from base import Core


async def main(c: Core):
    await c.load()
