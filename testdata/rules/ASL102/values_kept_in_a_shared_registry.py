# Home Assistant's `hass.data` is a registry an integration shares between
# its parts: a value stored under constant keys in one class is read back
# under the same keys in another (realbugs91 beatify: the game stored by
# the start view, ended un-awaited by the end view). The module's own stores
# under the read's key path type what the read gives.
from homeassistant.components.http import HomeAssistantView
from homeassistant.core import HomeAssistant

DOMAIN = "party"


class Game:
    async def end(self) -> None:
        pass

    def phase(self) -> str:
        return "end"


class Lights:
    def off(self) -> None:
        pass


class StartView(HomeAssistantView):
    def __init__(self, hass: HomeAssistant) -> None:
        self.hass = hass

    async def post(self) -> None:
        game = Game()
        self.hass.data[DOMAIN]["game"] = game
        self.hass.data.setdefault(DOMAIN, {})["other"] = Game()
        lights = self.hass.data.setdefault(DOMAIN, {})
        lights["lights"] = Lights()


class EndView(HomeAssistantView):
    def __init__(self, hass: HomeAssistant) -> None:
        self.hass = hass

    async def post(self) -> None:
        data = self.hass.data.get(DOMAIN, {})
        game = data.get("game")
        game.end()  # want: ASL102 "coroutine `game.end\(\)` is never awaited"
        self.hass.data[DOMAIN]["other"].end()  # want: ASL102

    async def post_ok(self) -> None:
        # Quiet: awaited; a sync method of the stored class; the value of
        # a sync class stored under another key.
        data = self.hass.data.get(DOMAIN, {})
        game = data.get("game")
        await game.end()
        game.phase()
        data["lights"].off()


async def handle(hass: HomeAssistant, entry_id: str, cache: dict) -> None:
    # Quiet: a key path nothing in the module stores under, a key that is
    # not a constant, and a mapping that is not the shared registry (under
    # another path, and under the very path the module stores the game at).
    hass.data[DOMAIN]["unknown"].end()
    hass.data[DOMAIN][entry_id].end()
    cache["game"].end()
    cache[DOMAIN]["game"].end()
