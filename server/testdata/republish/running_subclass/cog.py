from discord.ext import commands


class Admin(commands.Cog):
    @commands.command()
    async def ping(self, ctx: commands.Context):
        ctx.bot.refresh()
