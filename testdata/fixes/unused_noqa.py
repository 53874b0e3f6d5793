# fix: ASL100
import asyncio


async def save():
    pass


async def main():
    await asyncio.sleep(1)  # noqa: ASL102
    await save()  # noqa: ASL102, ASL999
    await save()  # type: ignore  # noqa: ASL1O2
    save()  # noqa: ASL102, ASL7
    await save()  # noqa: ASL102 kept for the old client
