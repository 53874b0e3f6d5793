# A mapping used as a record of named slots, filled under constant keys
# with values of different types: an item read under a key holds what is
# stored under that key (analysis: keyedMappingValues). As for the other
# mappings filled item by item, the attribute is read only as `self.NAME`
# in its class: each class here has its own attribute name.
import asyncio
import threading


class Registry:
    def __init__(self):
        self.slots = {}
        self.slots["lock"] = threading.Lock()
        self.slots["count"] = 0
        self.slots["name"] = "registry"

    async def bump(self, db):
        with self.slots["lock"]:  # want: ASL107 "synchronous lock `self.slots\[.lock.\]`"
            await db.incr(self.slots["name"])


class Handler:
    # The mapping is handed in (a server's shared state) and the class fills
    # its own slot.
    def initialize(self, state):
        self.state = state
        if "lock" not in state:
            state["lock"] = threading.Lock()

    async def refresh(self, db):
        with self.state["lock"]:  # want: ASL107
            self.state["value"] = await db.get("value")


def register(state):
    state["lock"] = asyncio.Lock()


class Escapes:
    # The parameter is also handed to another function, which may store
    # anything under any key: nothing is known.
    def initialize(self, state):
        self.shared = state
        state["lock"] = threading.Lock()
        register(state)

    async def refresh(self, db):
        with self.shared["lock"]:
            await db.get("value")


class Disagree:
    def __init__(self, name):
        self.table = {}
        self.table["lock"] = threading.Lock()
        self.table[name] = asyncio.Lock()  # any key, maybe "lock"

    async def refresh(self, db):
        with self.table["lock"]:
            await db.get("value")


class Other:
    def __init__(self):
        self.record = {}
        self.record["lock"] = threading.Lock()
        self.record["count"] = 0

    async def refresh(self, db):
        with self.record["count"]:  # not a lock
            await db.get("value")
