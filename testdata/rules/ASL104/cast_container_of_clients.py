# asyncio.wait() given the coroutines of a comprehension over
# `typing.cast(List[X], ...)`: the cast declares the items X's, whose
# coroutine methods make coroutines, not tasks (discord-mic-bot#5,
# bench/realbugs104).
import asyncio
import typing
from typing import List, cast

import discord


class Model:
    def __init__(self):
        self.discord_client = discord.Client(intents=discord.Intents.default())

    async def leave_voice(self, channel):
        futures = {vc.disconnect() for vc in typing.cast(typing.List[discord.VoiceClient], self.discord_client.voice_clients) if vc.channel == channel}
        if futures:
            await asyncio.wait(futures)  # want: ASL104

    async def leave_all(self):
        await asyncio.wait([vc.disconnect() for vc in cast(List[discord.VoiceClient], self.discord_client.voice_clients)])  # want: ASL104

    # Quiet: each coroutine wrapped in a task, or gathered.
    async def leave_voice_tasks(self, channel):
        tasks = {asyncio.create_task(vc.disconnect()) for vc in typing.cast(typing.List[discord.VoiceClient], self.discord_client.voice_clients)}
        if tasks:
            await asyncio.wait(tasks)

    async def leave_voice_gathered(self, channel):
        coros = [vc.disconnect() for vc in cast(List[discord.VoiceClient], self.discord_client.voice_clients)]
        await asyncio.gather(*coros)

    # Quiet: a cast to a type that says nothing of its items' methods.
    async def leave_unknown(self):
        await asyncio.wait({vc.disconnect() for vc in cast(typing.List[typing.Any], self.discord_client.voice_clients)})
