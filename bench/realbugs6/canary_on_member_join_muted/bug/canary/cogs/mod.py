# Copyright (C) idoneam (2016-2022)
#
# This file is part of Canary
#
# Canary is free software; you can redistribute it and/or modify it
# under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 3 of the License, or
# (at your option) any later version.
import aiosqlite
import discord
import random
from bidict import bidict
from discord import utils
from discord.ext import commands, tasks

from .base_cog import CanaryCog
from .utils.checks import is_moderator
from datetime import datetime, timedelta
from .utils.role_restoration import (
    save_existing_roles,
    fetch_saved_roles,
    has_muted_role,
    is_in_muted_table,
    remove_from_muted_table,
    role_restoring_page,
)
from .utils.mock_context import MockContext


class Mod(CanaryCog):
    def __init__(self, bot):
        super().__init__(bot)

        self.verification_channel: discord.TextChannel | None = None
        self.last_verification_purge_datetime: datetime | None = None
        self.muted_users_to_appeal_channels: bidict = bidict()
        self.appeals_log_channel: discord.TextChannel | None = None
        self.muted_role: discord.Role | None = None

    @CanaryCog.listener()
    async def on_ready(self):
        await super().on_ready()  # TODO: needed?

        if not self.guild:
            return

        db: aiosqlite.Connection
        c: aiosqlite.Cursor
        async with self.db() as db:
            async with db.execute("SELECT * FROM MutedUsers") as c:
                self.muted_users_to_appeal_channels = bidict(
                    [
                        (self.bot.get_user(user_id), self.bot.get_channel(appeal_channel_id))
                        for (user_id, appeal_channel_id, roles, date) in (await c.fetchall())
                    ]
                )

        self.appeals_log_channel = utils.get(self.guild.text_channels, name=self.bot.config.appeals_log_channel)
        self.muted_role = utils.get(self.guild.roles, name=self.bot.config.muted_role)

    async def unmute_utility(self, user: discord.Member, ctx: discord.ext.commands.Context | MockContext | None = None):
        confirmation_channel = ctx.channel if ctx else self.appeals_log_channel
        reason_message = (
            f"{ctx.author} used the unmute function on {user}"
            if ctx
            else f"Unmute function used on {user} (by removing role directly)"
        )

        # Restore old roles from the database
        valid_roles = await fetch_saved_roles(self.bot, self.guild, user, muted=True)
        await role_restoring_page(
            self.bot,
            MockContext(bot=self.bot, guild=self.guild, channel=confirmation_channel, author=self.bot.user),
            user,
            valid_roles,
            muted=True,
        )

        # Remove entry from the database
        await remove_from_muted_table(self.bot, user)

        # Delete appeal channel
        if user in self.muted_users_to_appeal_channels:
            try:
                await self.muted_users_to_appeal_channels[user].delete(reason=reason_message)
            except discord.NotFound:
                pass

        # Remove entry from the dictionary
        self.muted_users_to_appeal_channels.pop(user, None)

        # Remove the muted role (as in mute_utility, this must be done last)
        await user.remove_roles(self.muted_role, reason=reason_message)

        await confirmation_channel.send(reason_message)
        await self.appeals_log_channel.send(f"User {user.mention} ({user}) has been unmuted. Appeal channel deleted.")

    @commands.command()
    @is_moderator()
    async def unmute(self, ctx: commands.Context, user: discord.Member):
        """
        Unmute a user and delete the appeal channel (mod-only). The user's previous roles are restored after
        confirmation.

        Can also be done by removing the muted role directly.
        """
        await self.unmute_utility(user, ctx=ctx)

    @CanaryCog.listener()
    async def on_member_update(self, before, after):
        muted_role_before = self.muted_role in before.roles
        muted_role_after = self.muted_role in after.roles

        # if muted role was removed, unmute the user, except if the user is already unmuted properly
        if (
            muted_role_before
            and not muted_role_after
            and (
                (await is_in_muted_table(self.bot, after))
                or has_muted_role(after)
                or after in self.muted_users_to_appeal_channels
            )
        ):
            await self.unmute_utility(after)

    @CanaryCog.listener()
    async def on_member_join(self, user: discord.Member):
        # If the user was already muted, restore the muted role
        if is_in_muted_table(self.bot, user):
            await user.add_roles(self.muted_role, reason="Restored muted status")


def setup(bot):
    bot.add_cog(Mod(bot))
