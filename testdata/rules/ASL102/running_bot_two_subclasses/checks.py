from discord.ext.commands import Context


# Quiet: two bot classes, so which one ctx.bot is stays unknown (ModBot's
# db is a dict whose get is synchronous).
def lookup(ctx: Context):
    return ctx.bot.db.get(ctx.guild.id)


async def count(ctx: Context) -> None:
    ctx.bot.db.fetchval("SELECT count(*) FROM songs")


# What the library defines on every bot still counts.
async def ready(ctx: Context) -> None:
    ctx.bot.wait_until_ready()  # want: ASL102 "coroutine `ctx.bot.wait_until_ready\(\)` is never awaited"
