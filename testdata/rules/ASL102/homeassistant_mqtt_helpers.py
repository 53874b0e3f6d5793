from homeassistant.components import mqtt
from homeassistant.components.mqtt import async_publish
from homeassistant.components.switch import SwitchEntity


class TvSwitch(SwitchEntity):
    def __init__(self, hass, topic: str) -> None:
        self._hass = hass
        self._topic = topic
        self._unsub = None

    async def async_turn_off(self, **kwargs):
        mqtt.async_publish(  # want: ASL102 "coroutine `mqtt.async_publish\(\)` is never awaited"
            hass=self._hass, topic=self._topic, payload="KEY_POWER", retain=False
        )

    async def async_turn_on(self, **kwargs):
        async_publish(self._hass, self._topic, "ON")  # want: ASL102 "coroutine `async_publish\(\)` is never awaited"

    async def async_added_to_hass(self):
        self._unsub = await mqtt.async_subscribe(self._hass, self._topic, self._received)

    async def async_toggle(self, **kwargs):
        await mqtt.async_publish(self._hass, self._topic, "TOGGLE")

    def _received(self, msg):
        self._is_on = msg.payload == "ON"


# Quiet: the thread-safe wrapper is a plain function.
def publish_from_thread(hass, topic: str) -> None:
    mqtt.publish(hass, topic, "ON")
