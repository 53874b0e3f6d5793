# Home Assistant runs a function marked with its `callback` decorator
# (homeassistant.core.callback: "safe to call from within the event loop")
# on its one shared event loop, as it runs coroutines: a blocking call in
# such a plain def stalls every integration. Its blocking calls are
# reported as a coroutine's are, with Home Assistant's strict-loop policy
# (local file work included).
import time

import homeassistant.core as ha_core
import requests
from homeassistant.core import HomeAssistant, callback
from homeassistant.core import callback as ha_callback

from .vendor import callback as vendor_callback


def fetch(url):
    return requests.get(url).json()


def read_state(path):
    with open(path) as f:
        return f.read()


@callback
def handle_update(event) -> None:
    requests.get("https://api.example.com/update")  # want: ASL201 "`requests.get\(\)` blocks the event loop in `handle_update`, a function marked `@callback`, which Home Assistant runs on its event loop"


@callback
def pause(event) -> None:
    time.sleep(1)  # want: ASL201


@ha_callback
def aliased(event) -> dict:
    return fetch(event.data["url"])  # want: ASL201 "it calls blocking `requests.get\(\)`"


@ha_core.callback
def qualified(event) -> str:
    return read_state("/config/state.json")  # want: ASL201 "it calls blocking `open\(\)`"


@callback
def opens(event) -> str:
    with open("/config/state.json") as f:  # want: ASL201
        return f.read()


class Sensor:
    def __init__(self, hass: HomeAssistant) -> None:
        self.hass = hass

    @callback
    def _handle_coordinator_update(self) -> None:
        self.value = fetch("https://api.example.com/sensor")  # want: ASL201

    async def async_added_to_hass(self) -> None:
        # the callback reports its own blocking call; calling it here is
        # not a second finding
        self._handle_coordinator_update()


# Quiet: plain functions Home Assistant runs in its executor, another
# library's `callback`, work offloaded to the executor, nested functions.

def plain(event) -> dict:
    time.sleep(1)
    return fetch(event.data["url"])


@vendor_callback
def vendors(event) -> None:
    time.sleep(1)
    requests.get("https://api.example.com/vendor")


def callback_of_my_own(func):
    return func


@callback_of_my_own
def own(event) -> None:
    time.sleep(1)


@callback
def offloaded(hass: HomeAssistant, url: str) -> None:
    hass.async_create_task(hass.async_add_executor_job(fetch, url))


@callback
def nested(hass: HomeAssistant) -> None:
    def later():
        time.sleep(1)
    hass.async_add_executor_job(later)
