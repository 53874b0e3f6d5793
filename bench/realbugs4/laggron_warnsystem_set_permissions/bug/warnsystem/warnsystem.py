# WarnSystem by retke, aka El Laggron
import discord
import logging
import asyncio
import re
import os

from typing import Optional
from asyncio import TimeoutError as AsyncTimeoutError
from abc import ABC

from redbot.core import commands, Config, checks
from redbot.core.commands.converter import TimedeltaConverter
from redbot.core.i18n import Translator, cog_i18n
from redbot.core.data_manager import cog_data_path
from redbot.core.utils import predicates, menus, mod
from redbot.core.utils.chat_formatting import pagify

from . import errors
from .api import API, UnavailableMember
from .cache import MemoryCache
from .converters import AdvancedMemberSelect
from .settings import SettingsMixin

log = logging.getLogger("laggron.warnsystem")
log.setLevel(logging.DEBUG)
_ = Translator("WarnSystem", __file__)
BaseCog = getattr(commands, "Cog", object)

# Red 3.0 backwards compatibility, thanks Sinbad
listener = getattr(commands.Cog, "listener", None)
if listener is None:

    def listener(name=None):
        return lambda x: x


class CompositeMetaClass(type(commands.Cog), type(ABC)):
    pass


@cog_i18n(_)
class WarnSystem(SettingsMixin, API, MemoryCache, BaseCog, metaclass=CompositeMetaClass):
    """
    An alternative to the Red core moderation system, providing a different system of moderation\
    similar to Dyno.
    """

    def __init__(self, bot):
        self.bot = bot

        self.data = Config.get_conf(self, 260, force_registration=True)
        self.mute_roles = {}
        self.temp_actions = {}
        self.task: asyncio.Task

    __version__ = "1.3.0"
    __author__ = ["retke (El Laggron)"]

    @listener()
    async def on_member_update(self, before: discord.Member, after: discord.Member):
        guild = after.guild
        mute_role = guild.get_role(await self.get_mute_role(guild))
        if not mute_role:
            return
        if not (mute_role in before.roles and mute_role not in after.roles):
            return
        to_remove = []
        warns = await self.get_temp_action(guild)
        for member, data in warns.items():
            if data["level"] == 5 or data["member"] != after.id:
                continue
            to_remove.append(member)
        if to_remove:
            await self.bulk_remove_temp_action(guild, to_remove)
            log.info(
                f"[Guild {guild.id}] The temporary mute of member {after} (ID: {after.id}) "
                "was ended due to a manual unmute (role removed)."
            )

    @listener()
    async def on_guild_channel_create(self, channel: discord.abc.GuildChannel):
        guild = channel.guild
        if isinstance(channel, discord.VoiceChannel):
            return
        if not await self.data.guild(guild).update_mute():
            return
        role = guild.get_role(await self.get_mute_role(guild))
        if not role:
            return
        try:
            channel.set_permissions(
                role,
                send_messages=False,
                add_reactions=False,
                reason=_(
                    "Updating channel settings so the mute role will work here. "
                    "Disable the auto-update with [p]warnset autoupdate"
                ),
            )
        except discord.errors.Forbidden:
            log.warn(
                f"[Guild {guild.id}] Couldn't update permissions of new channel {channel.name} "
                f"(ID: {channel.id}) due to a permission error."
            )
        except discord.errors.HTTPException as e:
            log.error(
                f"[Guild {guild.id}] Couldn't update permissions of new channel {channel.name} "
                f"(ID: {channel.id}) due to an unknown error.",
                exc_info=e,
            )

    def cog_unload(self):
        log.debug("Unloading cog...")
        log.handlers = []
        self.task.cancel()
