# Receivers typed as project classes of other modules that inherit their
# methods from library classes: the library's coroutine methods are
# coroutines on them.
from .bot import Bot, SyncBot
from .core import Http


class Admin:
    def __init__(self, bot: Bot, http: Http) -> None:
        self.bot = bot
        self.http = http

    async def unload(self, name: str) -> None:
        self.bot.remove_cog(name)  # want: ASL102 "coroutine `self.bot.remove_cog\(\)` is never awaited"
        self.bot.load_extension(name)  # want: ASL102
        self.http.close()  # want: ASL102

    async def unload_ok(self, name: str, cog) -> None:
        # Quiet: awaited; a sync override in the project class; a sync method
        # the project adds; a library method that is not a coroutine; an
        # attribute the project sets; a mixin's sync method before the
        # library class in the bases.
        await self.bot.remove_cog(name)
        self.bot.add_cog(cog)
        self.bot.greet()
        self.bot.remove_command(name)
        self.bot.unload(name)
        await self.http.get_json("https://example.com")


async def with_sync_mixin(bot: SyncBot) -> None:
    bot.remove_cog("x")
