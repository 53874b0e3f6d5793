import asyncio
import re
import textwrap
from abc import abstractmethod
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

import discord
from discord import Color, DMChannel, Embed, HTTPException, Message, errors
from discord.ext.commands import Cog, Context
from pydis_core.site_api import ResponseCodeError
from pydis_core.utils import scheduling

from bot.bot import Bot
from bot.constants import BigBrother as BigBrotherConfig, Guild as GuildConfig, Icons
from bot.exts.moderation.modlog import ModLog
from bot.log import CustomLogger, get_logger
from bot.pagination import LinePaginator
from bot.utils import CogABCMeta, messages, time
from bot.utils.channel import get_or_fetch_channel
from bot.utils.members import get_or_fetch_member

log = get_logger(__name__)

URL_RE = re.compile(r"(https?://[^\s]+)")


@dataclass
class MessageHistory:
    """Represents a watch channel's message history."""

    last_author: int | None = None
    last_channel: int | None = None
    message_count: int = 0


class WatchChannel(metaclass=CogABCMeta):
    """ABC with functionality for relaying users' messages to a certain channel."""

    @abstractmethod
    def __init__(
        self,
        bot: Bot,
        destination: int,
        webhook_id: int,
        api_endpoint: str,
        api_default_params: dict,
        logger: CustomLogger,
        *,
        disable_header: bool = False
    ) -> None:
        self.bot = bot

        self.destination = destination  # E.g., Channels.big_brother
        self.webhook_id = webhook_id  # E.g.,  Webhooks.big_brother
        self.api_endpoint = api_endpoint  # E.g., 'bot/infractions'
        self.api_default_params = api_default_params  # E.g., {'active': 'true', 'type': 'watch'}
        self.log = logger  # Logger of the child cog for a correct name in the logs

        self._consume_task = None
        self.watched_users = defaultdict(dict)
        self.message_queue = defaultdict(lambda: defaultdict(deque))
        self.consumption_queue = {}
        self.retries = 5
        self.retry_delay = 10
        self.channel = None
        self.webhook = None
        self.message_history = MessageHistory()
        self.disable_header = disable_header

    @property
    def modlog(self) -> ModLog:
        """Provides access to the ModLog cog for alert purposes."""
        return self.bot.get_cog("ModLog")

    async def cog_load(self) -> None:
        """Starts the watch channel by getting the channel, webhook, and user cache ready."""
        await self.bot.wait_until_guild_available()

        try:
            self.channel = await get_or_fetch_channel(self.destination)
        except HTTPException:
            self.log.exception(f"Failed to retrieve the text channel with id `{self.destination}`")

        try:
            self.webhook = await self.bot.fetch_webhook(self.webhook_id)
        except discord.HTTPException:
            self.log.exception(f"Failed to fetch webhook with id `{self.webhook_id}`")

        if self.channel is None or self.webhook is None:
            self.log.error("Failed to start the watch channel; unloading the cog.")

            message = textwrap.dedent(
                f"""
                An error occurred while loading the text channel or webhook.

                TextChannel: {"**Failed to load**" if self.channel is None else "Loaded successfully"}
                Webhook: {"**Failed to load**" if self.webhook is None else "Loaded successfully"}

                The Cog has been unloaded.
                """
            )

            await self.modlog.send_log_message(
                title=f"Error: Failed to initialize the {self.__class__.__name__} watch channel",
                text=message,
                ping_everyone=True,
                icon_url=Icons.token_removed,
                colour=Color.red()
            )

            await self.bot.remove_cog(self.__class__.__name__)
            return

        if not await self.fetch_user_cache():
            await self.modlog.send_log_message(
                title=f"Warning: Failed to retrieve user cache for the {self.__class__.__name__} watch channel",
                text=(
                    "Could not retrieve the list of watched users from the API. "
                    "Messages will not be relayed, and reviews not rescheduled."
                ),
                ping_everyone=True,
                icon_url=Icons.token_removed,
                colour=Color.red()
            )

    async def fetch_user_cache(self) -> bool:
        """
        Fetches watched users from the API and updates the watched user cache accordingly.
        """
        try:
            data = await self.bot.api_client.get(self.api_endpoint, params=self.api_default_params)
        except ResponseCodeError as err:
            self.log.exception("Failed to fetch the watched users from the API", exc_info=err)
            return False

        self.watched_users = defaultdict(dict)

        for entry in data:
            user_id = entry.pop("user")
            self.watched_users[user_id] = entry

        return True

    def _remove_user(self, user_id: int) -> None:
        """Removes a user from a watch channel."""
        self.watched_users.pop(user_id, None)
        self.message_queue.pop(user_id, None)
        self.consumption_queue.pop(user_id, None)
