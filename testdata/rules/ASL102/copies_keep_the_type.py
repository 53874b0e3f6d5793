# copy.copy / copy.deepcopy return a value of their argument's type, so an
# attribute restored from a backup copy keeps the type its other assignments
# give it; a value that flows back into the attribute it came from does not
# make the attribute's type unknown.
import copy
from copy import deepcopy


class Memory:
    async def add(self, item):
        pass

    def size(self):
        return 0


class Agent:
    def __init__(self, memory: Memory):
        self.memory = memory

    async def step(self, msg):
        backup = deepcopy(self.memory)
        await self.memory.add(msg)
        self.memory = backup

    async def summarize(self, msg):
        self.memory.add(msg)  # want: ASL102

    async def awaited(self, msg):
        # Quiet: awaited.
        await self.memory.add(msg)

    def count(self):
        # Quiet: a synchronous method of the same object.
        return self.memory.size()


class Restorer:
    def __init__(self):
        self.memory = Memory()

    def restore(self, snapshot):
        self.memory = copy.copy(self.memory)

    async def save(self, item):
        self.memory.add(item)  # want: ASL102


class Swapped:
    def __init__(self, memory: Memory, other):
        self.memory = memory
        self.other = other

    def swap(self):
        # Quiet below: a copy of another object may be of another type.
        self.memory = deepcopy(self.other)

    async def save(self, item):
        self.memory.add(item)


class Derived:
    def __init__(self, memory: Memory):
        self.memory = memory

    def narrow(self):
        # Quiet below: an attribute of the old value is not the value.
        self.memory = self.memory.inner

    async def save(self, item):
        self.memory.add(item)


def local_copy(m: Memory):
    dup = deepcopy(m)
    dup.add(1)  # want: ASL102


def copied_onto_itself(m):
    # Quiet: every value of m leads back to m, whose type is not known.
    m = copy.copy(m)
    m.add(1)


def copied_typed_parameter(m: Memory):
    m = copy.deepcopy(m)
    m.add(1)  # want: ASL102
