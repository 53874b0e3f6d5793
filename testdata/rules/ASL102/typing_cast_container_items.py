# Iterating `typing.cast(List[X], value)` gives X's, as iterating a name
# annotated `List[X]` does: a coroutine method of each item called without
# await is never awaited (discord-mic-bot, bench/realbugs104).
import typing
from typing import Any, List, cast

import discord


async def leave_all(client: discord.Client):
    for vc in typing.cast(typing.List[discord.VoiceClient], client.voice_clients):
        vc.disconnect()  # want: ASL102 "coroutine `vc\.disconnect\(\)` is never awaited"


async def leave_listed(clients):
    for vc in cast(List[discord.VoiceClient], clients):
        vc.disconnect()  # want: ASL102


# Quiet: awaited, and a cast whose items say nothing (Any, or a string the
# analysis does not parse).
async def leave_awaited(client: discord.Client):
    for vc in cast(List[discord.VoiceClient], client.voice_clients):
        await vc.disconnect()


async def leave_unknown(clients):
    for vc in cast(List[Any], clients):
        vc.disconnect()
    for vc in cast("List[discord.VoiceClient]", clients):
        vc.disconnect()
