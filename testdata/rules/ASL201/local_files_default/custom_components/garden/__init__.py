# A Home Assistant custom integration's module that does not import
# homeassistant itself: it lies under custom_components/, so it runs on
# Home Assistant's shared loop, whose platform forbids any blocking work on
# it, local files included. Chains through helpers that end in local file
# work are reported here by default.
from store import fetch_state, flush_state, load_plugin, load_state


async def async_setup_entry(hass, entry):
    state = load_state(entry.data["path"])  # want: ASL201 "load_state\(\)` blocks the event loop .* blocking `open\(\)"
    plugin = load_plugin(state["plugin"])  # want: ASL201 "import_module"
    flush_state(state["file"])  # want: ASL201 "os.fsync"
    remote = fetch_state(entry.data["url"])  # want: ASL201 "requests.get"
    return plugin, remote
