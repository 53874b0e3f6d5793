import datetime
import re
import time
import discord
import pytz
from decouple import config
from discord.ext import commands, tasks
import logging
import asyncio
import roblox
from collections import defaultdict

from utils.constants import RED_COLOR, BLANK_COLOR
from utils.prc_api import Player
from utils import prc_api
from utils.utils import is_whitelisted, run_command

_guild_cache = {}
_member_search_cache = defaultdict(dict)
_cache_timeout = 300


def _evict_caches():
    now = time.time()
    stale_keys = [k for k, (_, t) in _guild_cache.items() if now - t >= _cache_timeout]
    for k in stale_keys:
        del _guild_cache[k]


@tasks.loop(minutes=10, reconnect=True)
async def check_whitelisted_car(bot):
    _evict_caches()
    initial_time = time.time()
    logging.info("Starting check_whitelisted_car task")

    base = {"ERLC.vehicle_restrictions.enabled": True}
    pipeline = [
        {"$match": base},
        {
            "$lookup": {
                "from": "server_keys",
                "localField": "_id",
                "foreignField": "_id",
                "as": "server_key",
            }
        },
        {"$match": {"server_key": {"$ne": []}}},
    ]

    semaphore = asyncio.Semaphore(3)
    async def process_guild(items):
        async with semaphore:
            guild_id = items["_id"]
            logging.info(f"Processing guild ID: {guild_id}")

            try:
                settings = items["ERLC"].get("vehicle_restrictions", {})
                if not settings:
                    return

                alert_channel_id = settings.get("channel")
                guild = await get_cached_guild(bot, guild_id)
                if not guild:
                    return

                alert_channel = await get_cached_channel(bot, alert_channel_id)
                if not alert_channel:
                    return

            except discord.errors.NotFound:
                logging.error(f"Guild or channel not found: {guild_id}")
                return
            except Exception as e:
                logging.error(f"Error processing guild {guild_id}: {e}", exc_info=True)
                return

    guild_tasks = []
    async for items in await bot.settings.db.aggregate(pipeline):
        guild_tasks.append(process_guild(items))

        if len(guild_tasks) >= 5:
            await asyncio.gather(*guild_tasks, return_exceptions=True)
            guild_tasks = []
            await asyncio.sleep(2)

    if guild_tasks:
        await asyncio.gather(*guild_tasks, return_exceptions=True)

    end_time = time.time()
    logging.info(
        f"Event check_whitelisted_car completed in {end_time - initial_time:.2f} seconds"
    )


async def get_cached_guild(bot, guild_id):
    """Get guild with caching"""
    now = time.time()
    cache_key = f"guild_{guild_id}"

    if cache_key in _guild_cache:
        guild_obj, cached_time = _guild_cache[cache_key]
        if now - cached_time < _cache_timeout and guild_obj:
            return guild_obj

    guild = bot.get_guild(guild_id)
    if not guild:
        try:
            guild = await bot.fetch_guild(guild_id)
        except discord.HTTPException:
            guild = None

    _guild_cache[cache_key] = (guild, now)
    return guild


async def get_cached_channel(bot, channel_id):
    """Get channel with caching"""
    now = time.time()
    cache_key = f"channel_{channel_id}"

    if cache_key in _guild_cache:
        channel_obj, cached_time = _guild_cache[cache_key]
        if now - cached_time < _cache_timeout and channel_obj:
            return channel_obj

    channel = bot.get_channel(channel_id)
    if not channel:
        try:
            channel = await bot.fetch_channel(channel_id)
        except discord.HTTPException:
            channel = None

    _guild_cache[cache_key] = (channel, now)
    return channel
