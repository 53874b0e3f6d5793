import discord
from discord.ext import commands
from discord.ext.commands import Context


def staff_role():
    def predicate(ctx: Context):
        role_id = ctx.bot.db.fetchval("SELECT role_id FROM staff WHERE guild_id=$1", ctx.guild.id)  # want: ASL102 "coroutine `ctx.bot.db.fetchval\(\)` is never awaited"
        return role_id is not None

    return commands.check(predicate)


async def record(ctx: Context) -> None:
    ctx.bot.db.execute("INSERT INTO seen VALUES ($1)", ctx.author.id)  # want: ASL102 "coroutine `ctx.bot.db.execute\(\)` is never awaited"


async def on_button(interaction: discord.Interaction) -> None:
    interaction.client.db.execute("UPDATE clicks SET n = n + 1")  # want: ASL102 "coroutine `interaction.client.db.execute\(\)` is never awaited"


# Quiet: awaited, an attribute that is not a coroutine, and what the library itself defines.
async def quiet(ctx: Context) -> None:
    row = await ctx.bot.db.fetchrow("SELECT 1")
    ctx.bot.cache["row"] = row
    await ctx.bot.wait_until_ready()
    print(ctx.bot.user)
