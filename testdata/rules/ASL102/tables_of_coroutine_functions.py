import asyncio


async def on_join(event: dict) -> None:
    pass


async def on_leave(event: dict) -> None:
    pass


def on_ping(event: dict) -> None:
    pass


HANDLERS = {"join": on_join, "leave": on_leave}
ORDERED = [on_join, on_leave]
MIXED = {"join": on_join, "ping": on_ping}


class Dispatcher:
    def __init__(self) -> None:
        self.routes = {"join": self.handle_join, "leave": self.handle_leave}

    async def handle_join(self, event: dict) -> None:
        pass

    async def handle_leave(self, event: dict) -> None:
        pass

    async def dispatch(self, kind: str, event: dict) -> None:
        # Every value of the table is a coroutine function: the call makes a
        # coroutine, which these drop or misuse.
        self.routes[kind](event)  # want: ASL102
        HANDLERS[kind](event)  # want: ASL102
        ORDERED[0](event)  # want: ASL102
        handler = HANDLERS.get(kind)
        if handler is not None:
            handler(event)  # want: ASL102
        local = {"join": self.handle_join}
        local[kind](event)  # want: ASL102
        done = HANDLERS[kind](event)  # want: ASL102 "its attribute `done` is read"
        done.done

    async def dispatch_ok(self, kind: str, event: dict, table: dict) -> None:
        # Quiet: awaited or scheduled; a table with a plain function among
        # its values; a default that is a plain function; a table of unknown
        # values; a name rebound to another table.
        await self.routes[kind](event)
        await HANDLERS[kind](event)
        asyncio.create_task(HANDLERS[kind](event))
        MIXED[kind](event)
        HANDLERS.get(kind, on_ping)(event)
        table[kind](event)
        routes = {"ping": on_ping}
        routes[kind](event)


def register(dispatcher: Dispatcher) -> None:
    # Outside a coroutine the dropped coroutine is as lost.
    HANDLERS["join"]({})  # want: ASL102
