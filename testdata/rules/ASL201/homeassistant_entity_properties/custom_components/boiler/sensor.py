# Home Assistant reads an entity's state properties on its event loop
# (Entity.async_write_ha_state); its docs: "Properties should always only
# return information from memory and not do I/O". A property that blocks
# stalls every integration. update() runs in Home Assistant's executor and
# async_update() is a coroutine: fetching there and returning from memory
# is the fix.
import requests
from homeassistant.components.sensor import SensorEntity
from homeassistant.helpers.entity import Entity


def read_temperature(path):
    with open(path) as f:
        return float(f.read()) / 1000


class BoilerTemperature(SensorEntity):
    def __init__(self, host):
        self._host = host
        self._value = None

    @property
    def native_value(self):
        return requests.get(f"http://{self._host}/temp").json()["t"]  # want: ASL201 "`requests.get\(\)` blocks the event loop in `native_value`, an entity state property"

    @property
    def extra_state_attributes(self):
        return {"cpu": read_temperature("/sys/class/thermal/thermal_zone0/temp")}  # want: ASL201 (local file work: Home Assistant's strict loop)

    def update(self):  # quiet: Home Assistant runs update() in its executor
        self._value = requests.get(f"http://{self._host}/temp").json()["t"]

    @property
    def available(self):
        return self._value is not None  # quiet: from memory


class Pump(Entity):
    @property
    def state(self):
        return "on" if requests.get("http://pump/state").ok else "off"  # want: ASL201

    def helper_status(self):  # quiet: not a property Home Assistant reads
        return requests.get("http://pump/status").json()


class NotAnEntity:
    @property
    def native_value(self):
        return requests.get("http://x/").text  # quiet: no entity


class Valve(Entity):
    def state(self):  # quiet: a plain method; Home Assistant reads `state` as an attribute and never calls it
        return requests.get("http://valve/state").text
