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

from discord import utils
from discord.ext import commands

from .mock_context import MockContext
from canary.bot import Canary, muted_role as muted_role_name
import datetime


async def save_existing_roles(
    bot: Canary, user: discord.Member, muted: bool = False, appeal_channel: discord.TextChannel | None = None
):
    roles_id = [role.id for role in user.roles if role.name not in ("@everyone", muted_role_name)]

    if not roles_id and not muted:
        return

    db: aiosqlite.Connection
    async with bot.db() as db:
        # store roles as a string of IDs separated by spaces
        if muted:
            if not appeal_channel:
                return

            if await is_in_muted_table(bot, user):
                await db.execute(
                    f"UPDATE MutedUsers SET AppealChannelID = ? WHERE UserID = ?", (appeal_channel.id, user.id)
                )
            else:
                await db.execute(
                    f"REPLACE INTO MutedUsers VALUES (?, ?, ?, ?)",
                    (user.id, appeal_channel.id, " ".join(str(e) for e in roles_id), datetime.datetime.now()),
                )

        else:
            await db.execute(f"REPLACE INTO PreviousRoles VALUES (?, ?)", (user.id, " ".join(str(e) for e in roles_id)))

        await db.commit()


async def fetch_saved_roles(bot: Canary, guild, user: discord.Member, muted: bool = False) -> list[discord.Role] | None:
    db: aiosqlite.Connection
    c: aiosqlite.Cursor

    async with bot.db() as db:
        q = f"SELECT Roles FROM {'MutedUsers WHERE UserID' if muted else 'PreviousRoles WHERE ID'} = ?"
        async with db.execute(q, (user.id,)) as c:
            fetched_roles = await c.fetchone()

    # the above returns a tuple with a string of IDs separated by spaces

    # Return list of all valid roles restored from the DB
    #  - filter(None, ...) strips false-y elements
    return (
        list(filter(None, (guild.get_role(int(role_id)) for role_id in fetched_roles[0].split(" ") if role_id != "")))
        if fetched_roles
        else None
    )


def has_muted_role(user: discord.Member):
    muted_role = utils.get(user.guild.roles, name=muted_role_name)
    return muted_role and next((r for r in user.roles if r == muted_role), None) is not None


async def is_in_muted_table(bot: Canary, user: discord.Member):
    db: aiosqlite.Connection
    c: aiosqlite.Cursor
    async with bot.db() as db:
        async with db.execute("SELECT * FROM MutedUsers WHERE UserID = ?", (user.id,)) as c:
            return (await c.fetchone()) is not None


async def remove_from_muted_table(bot: Canary, user: discord.Member):
    db: aiosqlite.Connection
    async with bot.db() as db:
        await db.execute("DELETE FROM MutedUsers WHERE UserID = ?", (user.id,))
        await db.commit()


async def role_restoring_page(
    bot: Canary,
    ctx: discord.ext.commands.Context | MockContext,
    user: discord.Member,
    roles: list[discord.Role] | None,
    muted: bool = False,
):
    channel: discord.TextChannel | None = ctx.channel  # Can be None from MockContext

    if channel is None:
        return

    if roles is None:
        # No row found in DB, as opposed to empty list
        if not muted:  # don't say anything if this is while unmuting
            embed = discord.Embed(title=f"Could not find any roles for {user.display_name}")
            await channel.send(embed=embed)
        return
