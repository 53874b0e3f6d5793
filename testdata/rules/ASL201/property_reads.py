# Reading a property runs its getter there and then: a coroutine that reads
# a property whose getter blocks (directly or through helpers) blocks the
# event loop as a call of the getter would.
import asyncio
import time

import requests


def load_session():
    time.sleep(1)
    return object()


class Config:
    def __init__(self):
        self._cached = {}

    @property
    def settings(self):
        return requests.get("http://config.local/settings").json()

    @property
    def cached(self):
        return self._cached


class Service:
    def __init__(self):
        self.config = Config()
        self._session = None

    @property
    def session(self):
        if self._session is None:
            self._session = load_session()
        return self._session

    @session.setter
    def session(self, value):
        self._session = value

    async def run(self):
        print(self.config.settings)  # want: ASL201 "reading property `self.config.settings` blocks the event loop in async function `run`: its getter `Config.settings\(\)` calls blocking `requests.get\(\)`"
        return self.session.close()  # want: ASL201 "reading property `self.session` .* its getter reaches blocking `time.sleep\(\)` via Service.session\(\) -> load_session\(\) -> time.sleep\(\)"

    # Quiet: a getter that does not block, setting the property (its setter
    # runs, not the getter), reading it in a worker thread, deleting it.
    async def quiet(self):
        print(self.config.cached)
        self.session = None
        settings = await asyncio.to_thread(lambda: self.config.settings)
        return settings


def describe(config: Config):
    return config.settings


async def show(config: Config):
    print(describe(config))  # want: ASL201 "via describe\(\) -> config.settings -> requests.get\(\)"
