# A module that imports homeassistant runs on its shared loop, wherever it
# lies: local file chains are reported by default.
from homeassistant.core import HomeAssistant

from store import load_state, save_state


async def async_setup(hass: HomeAssistant, config):
    state = load_state(config["path"])  # want: ASL201 "open"
    save_state(config["path"], state)  # want: ASL201 "open"
    return True
