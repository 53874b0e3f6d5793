# A coroutine object passed to a library function or method known to take
# plain data (a method of a discord.py data model, a function of a stdlib
# module of pure functions) is read as the value it was meant to produce:
# `guild.get_role(<coroutine object>)` finds no role and the query never runs.
import asyncio
import datetime
import hashlib
import os.path

import aiojobs
import discord
from discord.ext import commands
from discord.ext.commands import Context


async def staff_role_id(guild_id):
    return 1


async def remote_path():
    return "/tmp/x"


def staff_check():
    def predicate(ctx: Context):
        role_id = staff_role_id(ctx.guild.id)  # want: ASL102 "passed to `ctx.guild.get_role\(\)`, which reads it as data"
        return ctx.guild.get_role(role_id) is not None

    return commands.check(predicate)


async def on_member_join(member: discord.Member):
    if member.guild.get_role(staff_role_id(member.guild.id)):  # want: ASL102 "passed to `member.guild.get_role\(\)`, which reads it as data"
        print("staff")


async def scoreboard(embed: discord.Embed, guild_id):
    embed.add_field(name="staff", value=staff_role_id(guild_id))  # want: ASL102 "passed to `embed.add_field\(\)`"


def names():
    base = os.path.basename(remote_path())  # want: ASL102 "passed to `os.path.basename\(\)`, which reads it as data"
    delay = datetime.timedelta(seconds=staff_role_id(0))  # want: ASL102 "passed to `datetime.timedelta\(\)`"
    digest = hashlib.sha1(remote_path())  # want: ASL102 "passed to `hashlib.sha1\(\)`"
    return base, delay, digest


# Quiet: awaited first; handed to what awaits or schedules it; handed to a
# library call nothing is known about (it may await it), or to a loop or
# client object, whose methods may schedule it.
async def quiet(ctx: Context, client: discord.Client, scheduler: aiojobs.Scheduler, queue: asyncio.Queue):
    role = ctx.guild.get_role(await staff_role_id(ctx.guild.id))
    await scheduler.spawn(staff_role_id(ctx.guild.id))
    client.loop.create_task(staff_role_id(ctx.guild.id))
    queue.put_nowait(staff_role_id(ctx.guild.id))
    await asyncio.wait_for(staff_role_id(ctx.guild.id), 5)
    register(staff_role_id(ctx.guild.id))
    return role


def run():
    asyncio.get_event_loop().run_until_complete(staff_role_id(0))
    print(os.path.basename(asyncio.run(remote_path())))


# A method of a literal is a builtin type's: joining or formatting a
# coroutine object reads it as data.
async def labels(guild_id):
    names = ", ".join(staff_role_id(guild_id))  # want: ASL102 "passed to `str.join\(\)`, which reads it as data"
    line = "role {}".format(staff_role_id(guild_id))  # want: ASL102 "formatted into a string by `str.format\(\)`"
    raw = b"\n".join(remote_path())  # want: ASL102 "passed to `bytes.join\(\)`"
    # Quiet: awaited first.
    done = ", ".join(await staff_role_id(guild_id))
    return names, line, raw, done


# Home Assistant's state machine takes entity ids and states as data.
from homeassistant.core import HomeAssistant


async def entity_for(hass: HomeAssistant, name):
    return name


async def current_state(hass: HomeAssistant, name):
    state = hass.states.get(entity_for(hass, name))  # want: ASL102 "passed to `hass.states.get\(\)`, which reads it as data"
    hass.async_create_task(entity_for(hass, name))
    return state, hass.states.get(await entity_for(hass, name))


# A path's methods take names and data: writing a coroutine object fails.
import pathlib


async def save(path: pathlib.Path, guild_id):
    path.write_text(remote_path())  # want: ASL102 "passed to `path.write_text\(\)`, which reads it as data"
    path.with_name(await remote_path())
