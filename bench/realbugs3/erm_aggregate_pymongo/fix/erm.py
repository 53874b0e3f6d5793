import datetime
import json
import logging
import time
from dataclasses import MISSING
from pkgutil import iter_modules
import re
from collections import defaultdict
import asyncio

from utils.mongo import Document

import aiohttp
import decouple
import discord.mentions

from pymongo import AsyncMongoClient


import asyncio
import pytz
from decouple import config
from discord import app_commands
from discord.ext import tasks
from utils.task_loader import start_tasks

from datamodels.Settings import Settings
from utils.utils import *
from utils.constants import *

dbname = config("DB_NAME", "erm").replace("$", "").replace(".", "") # Note that $ and . are forbidden chars

intents = discord.Intents.default()
intents.message_content = True
intents.members = True


class Bot(commands.AutoShardedBot):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_status: bool = False
        self._member_cache = {}
        self._guild_cache = {}
        self._cache_timeout = 300

    async def close(self):
        for session in self.external_http_sessions:
            if session is not None and session.closed is False:
                await session.close()
        await super().close()

    async def setup_hook(self) -> None:
        self.external_http_sessions: list[aiohttp.ClientSession] = []

        if not self.setup_status:
            self.mongo = AsyncMongoClient(str(mongo_url))

            # The checking for this is defined just before the run method - approx line 649
            self.db = self.mongo[dbname]

            self.panel_db = self.mongo[f"{f"{dbname}_" if dbname != "erm" else ""}UserIdentity"]
            self.priority_settings = Document(self.panel_db, "PrioritySettings")
            self.staff_requests = Document(self.panel_db, "StaffRequests")

            self.start_time = time.time()
            self.pm_counter = {}

            self.settings = Settings(self.db, "settings")

            # we do this so the bot can get a cache of things before we spam discord with fetches
            asyncio.create_task(start_tasks(self))

            async for document in self.staff_requests.db.find({}):
                logging.info(document)
            self.setup_status = True


bot = Bot(
    command_prefix=get_prefix,
    case_insensitive=True,
    intents=intents,
    help_command=None,
)
bot.is_synced = False
environment = config("ENVIRONMENT", default="DEVELOPMENT")
