# discord.py command groups: `@commands.group()` turns the function into a
# Group, and `@group.command()` / `@group.group()` register subcommands
# whose handlers get a Context first (bench/realbugs43's `!set location`).
from discord.ext import commands

bot = commands.Bot(command_prefix="!")


class User(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.group(name="set")
    async def _set(self, ctx):
        ctx.send("pick a setting")  # want: ASL102

    @_set.command(name="location")
    async def _set_location(self, ctx, *, location: str):
        ctx.send(f"location set to: {location}")  # want: ASL102

    @_set.group(name="units")
    async def _units(self, ctx):
        await ctx.send("metric or imperial?")

    @_units.command(name="metric")
    async def _metric(self, ctx):
        ctx.send("metric it is")  # want: ASL102

    # Quiet: awaited.
    @_set.command(name="strava")
    async def _set_strava(self, ctx, user: int):
        await ctx.send(f"strava ID set to: {user}")


@bot.group()
async def admin(ctx):
    await ctx.send("admin commands")


@admin.command()
async def kick(ctx, member):
    ctx.send(f"kicked {member}")  # want: ASL102


# Quiet: a project's own registry with a `command` decorator is not a
# discord.py group; its handlers' parameters are unknown.
class Registry:
    def command(self, name):
        def wrap(f):
            return f

        return wrap


def registry(f):
    return Registry()


@registry
async def tools(ctx):
    pass


@tools.command("x")
async def x_command(ctx):
    ctx.send("x")  # quiet: ctx is not a discord.py Context


def plain(f):
    return f


@plain
async def helper(ctx):
    pass


@helper.command()
async def not_a_subcommand(ctx):
    ctx.send("y")  # quiet: helper is not a command group
