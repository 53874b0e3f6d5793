# Receivers taken out of annotated containers.
from typing import Dict, Optional


class Player:
    async def play(self, track: str) -> None:
        pass

    def stop(self) -> None:
        pass


class Music:
    def __init__(self) -> None:
        self.players: dict[int, Player] = {}
        self.queue: list[Player] = []

    async def play(self, guild_id: int, track: str) -> None:
        self.players[guild_id].play(track)  # want: ASL102
        self.players.get(guild_id).play(track)  # want: ASL102
        self.queue[0].play(track)  # want: ASL102
        # Quiet: awaited, or a sync method.
        await self.players[guild_id].play(track)
        self.players[guild_id].stop()


async def replay(players: Dict[str, Player], name: str) -> None:
    players[name].play("again")  # want: ASL102
    player: Optional[Player] = players.get(name)
    if player:
        await player.play("again")
