# Functions another module's dataclasses name as their fields' factories.
from dataclasses import dataclass, field

import requests


def fetch_profile():
    return requests.get("https://example.com/profile").json()


class Session:
    def __init__(self):
        self.token = requests.post("https://example.com/login").json()["token"]


@dataclass
class Profiled:
    # A dataclass base in another module: its fields come first in the
    # generated __init__ of a dataclass derived from it.
    name: str
    profile: dict = field(default_factory=fetch_profile)


@dataclass
class Checked:
    retries: int = 1

    def __post_init__(self):
        # Inherited: the generated __init__ of a subclass calls it too.
        requests.head("https://example.com/health")
