import asyncio
import collections
import functools
import getpass
import importlib
import inspect
import json
import logging
import os
import pathlib
import re
import sys
import time
import types
import typing
import warnings
from collections import deque
from typing import Optional, Type, Union as U
from urllib.parse import urlparse

import marko
import nio
from nio.crypto import ENCRYPTION_ENABLED

from . import ImageAttachment
from .attachment import BaseAttachment
from .commands import Command, Module
from .exceptions import (
    CheckFailure,
    CommandArgumentsError,
    CommandDisabledError,
    CommandError,
    GenericMatrixError,
    LoginException,
    MessageException,
    NioBotException,
)
from .utils import (
    MXID_REGEX,
    Mentions,
    SyncStore,
    Typing,
    _DudSyncStore,
    deprecated,
    force_await,
    run_blocking,
)
from .utils.help_command import DefaultHelpCommand

try:
    from bs4 import BeautifulSoup
except ImportError:
    BeautifulSoup = None

if typing.TYPE_CHECKING:
    from .context import Context

# Join API fix

from nio import (
    Api,
    AsyncClient,
    DirectRoomsResponse,
    JoinError,
    JoinResponse,
    RoomLeaveError,
    RoomLeaveResponse,
)

__all__ = ("NioBot",)

T = typing.TypeVar("T")


class NioBot(AsyncClient):
    """The main client for NioBot.

    !!! warning "Forcing an initial sync is slow"
        (for the `force_initial_sync` parameter)
        By default, nio-bot stores what the last sync token was, and will resume from that next time it starts.
        This allows you to start up near instantly, and makes development easier and faster.

        However, in some cases, especially if you are missing some metadata such as rooms or their members,
        you may need to perform an initial (sometimes referred to as "full") sync.
        An initial sync will fetch ALL the data from the server, rather than just what has changed since the last sync.

        This initial sync can take several minutes, especially the larger your bot gets, and should only be used
        if you are missing aforementioned data that you need.

    :param homeserver: The homeserver to connect to. e.g. https://matrix-client.matrix.org
    :param user_id: The user ID to log in as. e.g. @user:matrix.org
    :param device_id: The device ID to log in as. e.g. nio-bot
    :param store_path: The path to the store file. Defaults to ./store. Must be a directory.
    :param command_prefix: The prefix to use for commands. e.g. `!`. Can be a string, a list of strings,
     or a regex pattern.
    :param case_insensitive: Whether to ignore case when checking for commands. If True, this casefold()s
     incoming messages for parsing.
    :param global_message_type: The message type to default to. Defaults to m.notice
    :param ignore_old_events: Whether to simply discard events before the bot's login.
    :param auto_join_rooms: Whether to automatically join rooms the bot is invited to.
    :param auto_read_messages: Whether to automatically update read recipts
    :param owner_id: The user ID of the bot owner. If set, only this user can run owner-only commands, etc.
    :param max_message_cache: The maximum number of messages to cache. Defaults to 1000.
    :param ignore_self: Whether to ignore messages sent by the bot itself. Defaults to False. Useful for self-bots.
    :param import_keys: A key export file and password tuple. These keys will be imported at startup.
    :param startup_presence: The presence to set on startup. `False` disables presence altogether, and `None`
    is automatic based on the startup progress.
    :param default_parse_mentions: Whether to parse mentions in send_message by default to make them intentional.
    :param force_initial_sync: Forcefully perform a full initial sync at startup.
    :param use_fallback_replies: Whether to force the usage of deprecated fallback replies. Not recommended outside
    of compatibility reasons.
    """

    # Long typing definitions out here instead of in __init__ to just keep it cleaner.
    _events: typing.Dict[typing.Union[str, nio.Event], typing.List[typing.Callable[..., typing.Any]]]
    """Internal events register."""
    _commands: typing.Dict[str, Command]
    """Internal command register."""
    _modules: typing.Dict[typing.Type, Module]
    """Internal module register."""

    def __init__(
        self,
        homeserver: str,
        user_id: str,
        device_id: str = "nio-bot",
        store_path: typing.Optional[str] = None,
        *,
        command_prefix: typing.Union[str, re.Pattern, typing.Iterable[str]],
        case_insensitive: bool = True,
        owner_id: typing.Optional[str] = None,
        config: typing.Optional[nio.AsyncClientConfig] = None,
        ssl: bool = True,
        proxy: typing.Optional[str] = None,
        help_command: typing.Optional[typing.Union[Command, typing.Callable[["Context"], typing.Any]]] = None,
        global_message_type: typing.Literal["m.text", "m.notice"] = "m.notice",
        ignore_old_events: bool = True,
        auto_join_rooms: bool = True,
        auto_read_messages: bool = True,
        max_message_cache: int = 1000,
        ignore_self: bool = True,
        import_keys: typing.Tuple[os.PathLike, typing.Optional[str]] = None,
        startup_presence: typing.Literal["online", "unavailable", "offline", False, None] = None,
        sync_full_state: bool = True,
        default_parse_mentions: bool = True,
        force_initial_sync: bool = False,
        use_fallback_replies: bool = False,
        onsite_state_resolution: bool = False,
    ):
        if user_id == owner_id and ignore_self is True:
            warnings.warn(
                UserWarning(
                    "User ID and owner ID are the same, but ignore_self is True, meaning no owner systems can be used."
                    " This is probably not what you want.",
                ),
            )
        try:
            self.loop = asyncio.get_running_loop()
        except RuntimeError:
            self.loop = None
        self.log = logging.getLogger(__name__)
        if store_path:
            if not os.path.exists(store_path):
                self.log.warning("Store path %s does not exist, creating...", store_path)
                os.makedirs(store_path, mode=0o751, exist_ok=True)
            elif not os.path.isdir(store_path):
                raise FileNotFoundError("Store path %s is not a directory!" % store_path)

        if ENCRYPTION_ENABLED:
            if not config:
                config = nio.AsyncClientConfig(encryption_enabled=True, store_sync_tokens=force_initial_sync is False)
                self.log.info("Encryption support enabled automatically.")
                if force_initial_sync:
                    self.log.warning("An initial sync is being forced. Your next/first sync() call will be slow.")
        else:
            self.log.info("Encryption support is not available (are the e2ee extras installed?)")

        super().__init__(
            homeserver,
            user_id,
            device_id,
            store_path=store_path,
            config=config,
            ssl=ssl,
            proxy=proxy,
        )
        self.user_id = user_id
        self.device_id = device_id
        self.store_path = store_path
        self.case_insensitive = case_insensitive
        self.owner_id = owner_id
        self.ignore_self = ignore_self

        if not isinstance(command_prefix, (str, re.Pattern)):
            try:
                iter(command_prefix)
            except TypeError:
                raise TypeError("Command prefix must be a string,  or a regex pattern.") from None
            else:
                self.command_prefix: typing.Tuple[str, ...] = tuple(command_prefix)
        elif isinstance(command_prefix, re.Pattern):
            self.command_prefix: re.Pattern = command_prefix
        else:
            self.command_prefix: typing.Tuple[str] = (command_prefix,)

        if isinstance(self.command_prefix, re.Pattern):
            if self.command_prefix.match("/"):
                self.log.warning(
                    "The prefix '/' may interfere with client-side commands on some clients, such as Element.",
                )
            if self.command_prefix.match(">"):
                self.log.warning("The prefix '>' may interfere with fallback reply stripping in command parsing.")
        else:
            if "/" in self.command_prefix:
                self.log.warning(
                    "The prefix '/' may interfere with client-side commands on some clients, such as Element.",
                )
            if ">" in self.command_prefix:
                self.log.warning("The prefix '>' may interfere with fallback reply stripping in command parsing.")
            if re.search(r"\s", ";".join(command_prefix)):
                raise RuntimeError("Command prefix cannot contain whitespace.")

        self.start_time: typing.Optional[float] = None
        help_cmd = Command(
            "help",
            DefaultHelpCommand().respond,
            aliases=["h"],
            description="Shows a list of commands for this bot",
        )
        if help_command:
            cmd = help_command
            if isinstance(cmd, Command):
                help_cmd = cmd
            elif asyncio.iscoroutinefunction(cmd) or inspect.isfunction(cmd):
                self.log.warning(
                    "Manually changing default help command callback to %r. Please consider passing your own"
                    " Command instance instead.",
                    cmd,
                )
                help_cmd.callback = cmd
            else:
                raise TypeError("help_command must be a Command instance or a coroutine/function.")
        self._commands = {}
        self._modules = {}
        self._events: typing.Dict[str, typing.List[typing.Union[types.FunctionType, typing.Callable]]] = {}
        self._raw_events = {}
        self._raw_events: typing.Dict[
            typing.Type[nio.Event], typing.List[typing.Union[types.FunctionType, typing.Callable]]
        ]
        self._event_tasks = []

        self.global_message_type = global_message_type
        self.ignore_old_events = ignore_old_events
        self.auto_join_rooms = auto_join_rooms
        self.auto_read_messages = auto_read_messages
        self.use_fallback_replies = use_fallback_replies

        self.add_event_callback(self.process_message, nio.RoomMessage)  # type: ignore
        self.direct_rooms: dict[str, nio.MatrixRoom] = {}

        self.message_cache: typing.Deque[typing.Tuple[nio.MatrixRoom, nio.RoomMessage]] = deque(
            maxlen=max_message_cache,
        )
        self.is_ready = asyncio.Event()
        self._waiting_events = {}

        if self.auto_join_rooms:
            self.log.info("Auto-joining rooms enabled.")
            self.add_event_callback(self._auto_join_room_backlog_callback, nio.InviteMemberEvent)  # type: ignore

        if self.auto_read_messages:
            self.log.info("Auto-updating read receipts enabled.")
            self.add_event_callback(self.update_read_receipts, nio.RoomMessage)

        if import_keys:
            keys_path, keys_password = import_keys
            if not keys_password:
                if sys.stdin.isatty():
                    keys_password = getpass.getpass(f"Password for key import ({keys_path}): ")
                else:
                    raise ValueError(
                        "No password was provided for automatic key import and cannot interactively get password.",
                    )

            self.__key_import = pathlib.Path(keys_path), keys_password
        else:
            self.__key_import = None

        self.server_info: typing.Optional[dict] = None
        self.add_command(help_cmd)

        self._startup_presence = startup_presence
        self._sync_full_state = sync_full_state
        self.default_parse_mentions = default_parse_mentions

        self._event_id_cache = collections.deque(maxlen=1000)
        self._message_process_lock = asyncio.Lock()

        self.sync_store: typing.Union[SyncStore, _DudSyncStore] = _DudSyncStore()
        if self.store_path:
            self.sync_store = SyncStore(self, self.store_path + "/sync.db", resolve_state=onsite_state_resolution)

    @property
    def supported_server_versions(self) -> typing.List[typing.Tuple[int, int, int]]:
        """Returns the supported server versions as a list of `major`, `minor`, `patch` tuples.

        The only time `patch` is >0 is when the server is using a deprecated `r` release.
        All stable releases (`v1`) will have `patch` as 0.

        This property returns `[(1, 1, 0)]` if no server info is available.
        """
        parsed = []
        if self.server_info:
            for version in self.server_info.get("versions", []):
                if version.startswith("r"):
                    major, minor, patch = map(int, version[1:].split("."))
                else:
                    major, minor = map(int, version[1:].split("."))
                    patch = 0
                parsed.append((major, minor, patch))
        return parsed or [(1, 1, 0)]  # default to 1.1.0 if no server info is available

    def server_supports(self, version: typing.Union[typing.Tuple[int, int], typing.Tuple[int, int, int]]) -> bool:
        """Checks that the server supports at least this matrix version."""
        return any(v >= version for v in self.supported_server_versions)
        # e.g. (1, 1, 0) >= (1, 12, 0) = False | (1, 12, 0) >= (1, 11, 0) = True

    async def mxc_to_http(
        self,
        mxc: str,
        homeserver: Optional[str] = None,
    ) -> Optional[str]:
        """Converts an `mxc://` URI to a downloadable HTTP URL.

        This function is identical the [nio.AsyncClient.mxc_to_http()][nio.AsyncClient.mxc_to_http] function,
        however supports matrix 1.10 and below's unauthenticated media automatically.

        :param mxc: The mxc URI
        :param homeserver: The homeserver to download this through (defaults to the bot's homeserver)
        :return: an MXC URL, if applicable
        """
        http: Optional[str] = await super().mxc_to_http(mxc, homeserver)
        if http is not None and not self.server_supports((1, 11, 0)):  # 1.10 and below
            http = http.replace("/_matrix/client/v1/media/download/", "/_matrix/media/r0/download/")
        return http

    async def sync(self, *args, **kwargs) -> U[nio.SyncResponse, nio.SyncError]:
        sync = await super().sync(*args, **kwargs)
        if isinstance(sync, nio.SyncResponse):
            self._populate_dm_rooms(sync)
            if self.sync_store:
                await self.sync_store.handle_sync(sync)
        return sync

    def _populate_dm_rooms(self, sync: nio.SyncResponse):
        # This function is a historical workaround. It is kept as it is still useful in some cases.
        for room_id, room_info in sync.rooms.join.items():
            for event in room_info.state:
                if isinstance(event, nio.RoomMemberEvent):
                    prev = event.prev_content or {}
                    if event.content.get("is_direct", prev.get("is_direct", False)):
                        self.log.debug("Found DM room in sync: %s", room_id)
                        self.direct_rooms[event.state_key] = self.rooms[room_id]

    async def _auto_join_room_callback(self, room: nio.MatrixRoom, event: nio.InviteMemberEvent):
        """Callback for auto-joining rooms"""
        if self.auto_join_rooms:
            self.log.info("Joining room %s", room.room_id)
            result = await self.join(room.room_id, reason=f"Auto-joining from invite sent by {event.sender}")
            if isinstance(result, nio.JoinError):
                self.log.error("Failed to join room %s: %s", room.room_id, result.message)
            else:
                self.log.info("Joined room %s", room.room_id)

    # [realbugs83: trimmed here — about characters 15,970 to 66,150 of the stored file (the other NioBot
    #  methods) are left out; the two methods below are verbatim from the stored file]

    async def get_account_data(self, key: str, *, room_id: str = None) -> typing.Union[dict, list, None]:
        """Gets account data for the currently logged in account

        :param key: the key to get
        :param room_id: The room ID to get account data from. If not provided, defaults to user-level.
        :returns: The account data, or None if it doesn't exist
        """
        path = ["user", self.user_id, "account_data", key]
        if room_id:
            path = ["user", self.user_id, "rooms", room_id, "account_data", key]
        method, path = "GET", Api._build_path(path)
        async with self.send(method, path) as response:
            if response.status != 200:
                return None
            return await response.json()

    async def set_account_data(self, key: str, data: dict, *, room_id: str = None) -> None:
        """Sets account data for the currently logged in account

        :param key: the key to set
        :param data: the data to set
        :param room_id: The room ID to set account data in. If not provided, defaults to user-level.
        """
        path = ["user", self.user_id, "account_data", key]
        if room_id:
            path = ["user", self.user_id, "rooms", room_id, "account_data", key]
        method, path = "PUT", Api._build_path(path)
        async with self.send(method, path, data, {"Content-Type": "application/json"}) as response:
            if response.status != 200:
                return None
            return await response.json()
