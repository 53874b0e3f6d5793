import discord
from discord.ext import commands


class Mutes(commands.Cog):
    def __init__(self, bot: commands.Bot):
        self.bot = bot

    @commands.Cog.listener()
    async def on_guild_channel_create(self, channel: discord.abc.GuildChannel):
        role = channel.guild.get_role(1234)
        try:
            channel.set_permissions(role, send_messages=False)  # want: ASL102
        except discord.Forbidden:
            pass

    @commands.Cog.listener()
    async def on_guild_channel_update(self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel):
        invite = after.create_invite(max_age=60)  # want: ASL102
        print(invite.url)

    async def tidy(self, category: discord.CategoryChannel, voice: discord.VoiceChannel):
        category.create_text_channel("logs")  # want: ASL102
        voice.move(beginning=True)  # want: ASL102

    # Awaited, or only read: quiet.
    async def lock(self, channel: discord.abc.GuildChannel, role: discord.Role):
        await channel.set_permissions(role, send_messages=False)
        overwrites = channel.overwrites_for(role)
        print(channel.name, channel.position, overwrites, channel.permissions_for(role))
        invites = await channel.invites()
        for invite in invites:
            print(invite.code)

    async def copy(self, channel: discord.CategoryChannel):
        clone = await channel.clone(name="copy")
        print(clone.id, channel.category, channel.channels)
