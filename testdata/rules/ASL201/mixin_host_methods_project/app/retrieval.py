import asyncio


class RetrievalMixin:
    """Resource handlers; the class that mixes them in provides the context."""

    async def handle_record(self, model):
        connection, access = await self._get_user_context()
        access.validate(model)  # want: ASL201 "`access.validate\(\)` blocks the event loop in async function `handle_record`: it calls blocking `urllib.request.urlopen\(\)`"
        return connection

    async def handle_count(self, model):
        access = self._access_controller()
        access.validate(model)  # want: ASL201

    async def handle_refresh(self, model):
        self._refresh(model)  # want: ASL102

    # The nearest correct code: the check in a worker thread, the coroutine
    # awaited.
    async def handle_offloaded(self, model):
        connection, access = await self._get_user_context()
        await asyncio.to_thread(access.validate, model)
        return connection

    async def handle_refresh_awaited(self, model):
        await self._refresh(model)


class SharedMixin:
    """Mixed into two classes that define the context differently: which
    one `self` is cannot be told, so nothing is said."""

    async def check(self, model):
        access = self._access_controller()
        access.validate(model)


class BasedMixin(dict):
    """Not a pure mixin: a library base may define what it calls."""

    async def check(self, model):
        access = self._access_controller()
        access.validate(model)
