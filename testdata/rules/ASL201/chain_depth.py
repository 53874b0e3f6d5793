# config: asl201-local-files = true  # mechanics shown with local-file sinks
# ASL201 follows at most three synchronous functions (asl201-max-depth):
# real blocking bugs sit one or two helpers deep, while longer chains run
# into a persistence or configuration layer that is synchronous by design.
import json


def write_file(path, data):
    with open(path, "w") as f:
        f.write(data)


def save(path, state):
    write_file(path, json.dumps(state))


def commit(store):
    save(store.path, store.state)


def set_state(store, state):
    store.state = state
    commit(store)


def set_state_and_log(store, state):
    # the first chain in call order is four deep; a shorter one follows it
    set_state(store, state)
    save(store.path, state)


async def three_deep(store):
    commit(store)  # want: ASL201 "via commit\(\) -> save\(\) -> write_file\(\) -> open\(\)"


async def four_deep(store, state):
    set_state(store, state)


async def shortest_within_the_limit(store, state):
    set_state_and_log(store, state)  # want: ASL201 "via set_state_and_log\(\) -> save\(\) -> write_file\(\) -> open\(\)"


# A @contextmanager entered by `with` runs its body on the loop: its own
# calls count as the first function of the chain.
from contextlib import contextmanager


@contextmanager
def committed(store):
    commit(store)  # commit -> save -> write_file -> open: four deep from here
    yield store


@contextmanager
def saved(path, state):
    save(path, state)  # save -> write_file -> open: three deep from here
    yield


async def with_four_deep(store):
    with committed(store):
        pass


async def with_three_deep(path, state):
    with saved(path, state):  # want: ASL201 "via saved\(\) -> save\(\) -> write_file\(\) -> open\(\)"
        pass


# The depth counts objects, not the private helpers one object splits its
# work into: a call on `self` of a method of the caller's own class adds no
# level (nowireless4u/hpe-networking-mcp#440: a coroutine's header helper ->
# the token manager's get_auth_headers -> its _ensure_valid_token ->
# _generate_new_token -> the OAuth provider's get_token, a synchronous
# httpx POST; three objects, five functions).
import requests


class Provider:
    def get_token(self):
        return requests.post("https://auth.example/token").json()


class TokenManager:
    def __init__(self):
        self._provider = Provider()
        self._token = None

    def _generate(self):
        self._token = self._provider.get_token()

    def _ensure(self):
        if self._token is None:
            self._generate()

    def headers(self):
        self._ensure()
        return {"Authorization": self._token}


class Client:
    def __init__(self, tokens: TokenManager):
        self.tokens = tokens

    def _auth_headers(self):
        return self.tokens.headers()

    async def get(self, url):
        headers = self._auth_headers()  # want: ASL201 "via Client\._auth_headers\(\) -> self\.tokens\.headers\(\) -> self\._ensure\(\) -> self\._generate\(\) -> self\._provider\.get_token\(\) -> requests\.post\(\)"
        return headers


# Quiet: four objects deep (a session, a client, a token manager, a
# provider): the helpers of another object are levels of their own.
class Session:
    def __init__(self, client: Client):
        self.client = client

    def prepare(self):
        return self.client._auth_headers()


class Pool:
    def __init__(self, session: Session):
        self.session = session

    async def lease(self):
        return self.session.prepare()
