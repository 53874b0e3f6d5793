# A coroutine tested with isinstance against a class of the project: no
# coroutine object is an instance of a plain class, of a pydantic model or
# of an exception the project defines, so the test fails and nothing awaits
# the coroutine (a sync test written before the method became async).
# Classes that may accept one (a Protocol, a class hooking
# __subclasshook__/__instancecheck__, a metaclass, one defining __await__)
# keep the test a guard.
from typing import Protocol, runtime_checkable

from pydantic import BaseModel


class Rejection(BaseModel):
    reason: str


class Event:
    pass


class Timeout(Exception):
    pass


class Plugin:
    async def process(self, payload):
        return Event()


def test_soft_state_rejected():
    plugin = Plugin()
    result = plugin.process({"state": "SOFT"})  # want: ASL102 "stored in `result` and tested with `isinstance\(\.\.\., Rejection\)`, which a coroutine object never passes"
    assert isinstance(result, Rejection)
    assert result.reason


def test_event_or_timeout():
    result = Plugin().process({})  # want: ASL102 "tested with `isinstance\(\.\.\., \(Event, Timeout\)\)`"
    assert isinstance(result, (Event, Timeout))


@runtime_checkable
class HasSend(Protocol):
    def send(self, value): ...


class Hooked:
    @classmethod
    def __subclasshook__(cls, other):
        return True


class Meta(type):
    def __instancecheck__(cls, instance):
        return True


class ByMeta(metaclass=Meta):
    pass


class OwnAwaitable:
    def __await__(self):
        yield


class FromHooked(Hooked):
    pass


def guarded_by_protocol(plugin: Plugin):
    result = plugin.process({})
    if isinstance(result, HasSend):
        return result
    return None


def guarded_by_hook(plugin: Plugin):
    result = plugin.process({})
    if isinstance(result, (Event, FromHooked)):
        return result
    return None


def guarded_by_metaclass(plugin: Plugin):
    result = plugin.process({})
    if isinstance(result, ByMeta):
        return result
    return None


def guarded_by_awaitable_class(plugin: Plugin):
    result = plugin.process({})
    if isinstance(result, OwnAwaitable):
        return result
    return None


async def awaited_after_the_test(plugin: Plugin):
    result = plugin.process({})
    if isinstance(result, Event):
        return result
    return await result
