import asyncio
import logging

log = logging.getLogger(__name__)


async def format_name(first: str, last: str) -> str:  # want: ASYNC124
    return f"{first} {last}".title()


async def notify(user: str) -> None:
    # Quiet: awaits.
    await asyncio.sleep(0)
    log.info("notified %s", user)


async def stream(conn):
    # Quiet: async for.
    async for row in conn:
        log.debug(row)


async def locked(lock: asyncio.Lock) -> None:
    # Quiet: async with.
    async with lock:
        log.debug("locked")


class Handler:
    async def on_message(self, msg: str) -> None:
        # Quiet: methods may be overriding an async interface.
        log.info(msg)


async def main() -> None:
    print(await format_name("a", "b"))
    await notify("x")


if __name__ == "__main__":
    asyncio.run(main())
