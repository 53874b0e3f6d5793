# Application-style program, written as a fresh probe; the simulator first stopped at a KeyError (__init_subclass__ was not run), class keywords were added for it.
import asyncio
import contextlib


class Handler:
    registry = {}

    def __init_subclass__(cls, kind=None, **kw):
        super().__init_subclass__(**kw)
        if kind:
            Handler.registry[kind] = cls

    async def handle(self, payload):
        await asyncio.sleep(0.001)
        return await getattr(self, f"on_{payload['op']}")(payload)


class Orders(Handler, kind="orders"):
    async def on_create(self, p):
        await asyncio.sleep(0.02 * p["qty"])
        return "created"

    async def on_cancel(self, p):
        await asyncio.sleep(0.005)
        return "cancelled"


class Users(Handler, kind="users"):
    async def on_create(self, p):
        await asyncio.sleep(0.03)
        return "user"


async def ticker(n, period):
    for i in range(n):
        await asyncio.sleep(period)
        yield i


MESSAGES = [("orders", {"op": "create", "qty": 2}), ("users", {"op": "create"}),
            ("orders", {"op": "cancel"}), ("orders", {"op": "create", "qty": 5})]


async def main():
    out = []
    for kind, payload in MESSAGES:
        handler = Handler.registry[kind]()
        with contextlib.suppress(asyncio.TimeoutError):
            async with asyncio.timeout(0.06):
                out.append(await handler.handle(payload))
    async for i in ticker(3, 0.01):
        out.append(i)
    print(out)


if __name__ == "__main__":
    asyncio.run(main())
