# A coroutine stored in a private attribute of self that no method of the
# class awaits or hands on, and that the class only formats, prints, logs
# or tests, is never run: reported as a local name is (realbugs68: a Home
# Assistant MQTT connector stored `self.async_decode_mqtt_payload(msg)` in
# `self._payload`, copied it to `self._mqtt_vac_err` and returned it as
# text). Another object's `x._name`, a subclass of the module, a public
# attribute or any method that awaits or hands it on keeps it quiet.
import logging

_LOGGER = logging.getLogger(__name__)


class Connector:
    def __init__(self):
        self._payload = None
        self._error = None
        self._state = None

    async def handle_errors(self, msg):
        self._payload = self.decode(msg)  # want: ASL102
        self._error = self._payload
        _LOGGER.info("Received vacuum error: %s", self._error)

    async def handle_state(self, msg):
        self._state = self.decode(msg)  # want: ASL102
        _LOGGER.info(f"state {self._state}")

    async def get_error(self) -> str:
        return str(self._error)

    async def get_state(self) -> str:
        return str(self._state)

    @staticmethod
    async def decode(msg):
        return msg.payload


class Probe:
    async def check(self, msg):
        self._ready = fetch(msg)  # want: ASL102
        if self._ready:
            print("ready")


async def fetch(msg):
    return msg


class Waiter:
    # Quiet: another method awaits the stored coroutine.
    async def start(self, msg):
        self._pending = fetch(msg)
        print(f"started {self._pending}")

    async def finish(self):
        return await self._pending


class HandsOn:
    # Quiet: another method hands it on (to a scheduler that runs it).
    async def start(self, msg):
        self._job = fetch(msg)
        if msg:
            print(f"job {self._job}")

    def schedule(self, loop):
        loop.create_task(self._job)


class Public:
    # Quiet: a public attribute may be awaited by whoever holds the object.
    async def start(self, msg):
        self.result = fetch(msg)
        print(self.result)


class ReadElsewhere:
    # Quiet: another object's `_coro` is read in this module.
    async def start(self, msg):
        self._coro = fetch(msg)
        print(self._coro)


async def drive(obj: ReadElsewhere):
    await obj._coro


class Base:
    # Quiet: a subclass of the module awaits it.
    async def start(self, msg):
        self._work = fetch(msg)
        print(self._work)


class Derived(Base):
    async def run(self):
        return await self._work


class Unrelated:
    # A class that does not derive from Kept has an attribute of the same
    # name of its own: it does not make Kept's quiet.
    async def start(self, msg):
        self._value = await fetch(msg)
        print(self._value)


class Kept:
    async def start(self, msg):
        self._value = fetch(msg)  # want: ASL102
        print(self._value)


class CopiedBackAndForth:
    # Quiet, and no endless recursion: the value is copied from one
    # attribute to another and back (main before realbugs68 overflowed the
    # stack on this class).
    async def m1(self):
        self.a = self.f()
        self._c = self.f()

    async def m2(self):
        self.b = self.a
        self._d = self._c

    async def m3(self):
        self.a = self.b
        self._c = self._d

    async def f(self):
        return 1
