# Dataclasses whose generated __init__ runs project code: a field's
# default_factory when the call does not pass the field, and __post_init__.
import threading
import time
from dataclasses import KW_ONLY, dataclass, field
from typing import ClassVar, Generic, TypeVar

import requests

from app import loaders
from app.loaders import Session

T = TypeVar("T")


def fetch_defaults():
    return requests.get("https://example.com/defaults").json()


def fetch_cache():
    return requests.get("https://example.com/cache").json()


def empty_tags():
    return []


def register(cls):
    return cls


@dataclass
class Settings:
    name: str
    defaults: dict = field(default_factory=fetch_defaults)
    tags: list = field(default_factory=empty_tags)


@dataclass(frozen=True)
class Warmed:
    delay: float = 0.1

    def __post_init__(self):
        time.sleep(self.delay)


@dataclass
class Remote:
    registry: ClassVar[dict] = {}
    _: KW_ONLY
    profile: dict = field(default_factory=loaders.fetch_profile)
    session: Session = field(default_factory=Session)


@dataclass
class Pair:
    registry: ClassVar[dict] = {}
    first: int
    extra: dict = field(default_factory=fetch_defaults)


@dataclass
class Cached:
    name: str
    cache: dict = field(default_factory=fetch_cache, init=False)


@dataclass(init=False)
class Manual:
    defaults: dict = field(default_factory=fetch_defaults)


@register
@dataclass
class Registered:
    defaults: dict = field(default_factory=fetch_defaults)


@dataclass
class Explicit:
    defaults: dict = field(default_factory=fetch_defaults)

    def __init__(self, defaults):
        self.defaults = defaults


class Connector:
    def __init__(self):
        self.session = requests.post("https://example.com/connect").json()


@dataclass
class Record(Connector):
    # The generated __init__ replaces Connector.__init__ and does not call
    # it: constructing a Record connects nowhere.
    key: str = ""


class Link(Connector):
    # No dataclass: Connector.__init__ runs.
    pass


class Pooled(Session):
    # A base of another module: Session.__init__ (app/loaders.py) runs.
    pass


@dataclass
class Token(Session):
    # The generated __init__ does not call Session.__init__.
    value: str = ""


async def pooled_here():
    return Pooled()  # want: ASL201 "`Pooled\(\)` blocks the event loop"


@dataclass
class Member(loaders.Profiled):
    role: str = "user"


@dataclass
class Probe(loaders.Checked):
    url: str = ""


class ThreadedSession(threading.Thread, Session):
    # threading.Thread.__init__ comes first in the MRO and does not call
    # super().__init__(): Session.__init__ (another module) never runs.
    pass


class SessionThread(Session, threading.Thread):
    # Session.__init__ comes first: it runs.
    pass


class ThreadedConnector(threading.Thread, Connector):
    # The same with a base of this module.
    pass


class TypedSession(Generic[T], Session):
    # Generic defines no __init__: Session's runs.
    pass
