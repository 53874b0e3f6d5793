# Litestar calls a synchronous route handler on the event loop's thread
# unless its decorator passes sync_to_thread=True (docs.litestar.dev,
# "Route handlers": a synchronous function that blocks "can potentially
# block the main thread running the event loop"); its blocking calls stall
# the loop as a coroutine's do. The chatbot-code-interpreter app's
# `@post("/ask")` handler ran an LLM chain's HTTP requests this way
# (dylanjcastillo/chatbot-code-interpreter#1).
import subprocess
import time

import litestar
import requests
from litestar import Controller, Litestar, get, post
from litestar.handlers import put


def fetch(url):
    return requests.get(url).json()


def render(x):
    return str(x)


@get("/")
def index() -> str:
    time.sleep(1)  # want: ASL201 "`time.sleep\(\)` blocks the event loop in `index`, a synchronous Litestar request handler"
    return "ok"


@post(path="/ask", name="ask")
def ask(data: dict) -> str:
    return requests.post("https://api.example.com/ask", json=data).text  # want: ASL201


@post("/via-helper")
def via_helper(data: dict) -> dict:
    return fetch(data["url"])  # want: ASL201 "it calls blocking `requests.get\(\)`"


@put("/explicit-false", sync_to_thread=False)
def explicit_false() -> str:
    return subprocess.check_output(["date"]).decode()  # want: ASL201


@get("/explicit-none", sync_to_thread=None)
def explicit_none() -> str:
    return fetch("https://api.example.com/n")  # want: ASL201


@litestar.get("/qualified")
def qualified() -> str:
    return fetch("https://api.example.com/q")  # want: ASL201


class Items(Controller):
    path = "/items"

    @get("/{item_id:int}")
    def item(self, item_id: int) -> dict:
        return fetch(f"https://api.example.com/items/{item_id}")  # want: ASL201


# Quiet: run in a thread pool, coroutines, nothing blocking, nested
# functions the handler does not call, unknown options, no framework.

@get("/threaded", sync_to_thread=True)
def threaded() -> dict:
    time.sleep(1)
    return fetch("https://api.example.com/t")


@post("/coroutine")
async def coroutine_handler(data: dict) -> str:
    return render(data)


@get("/pure")
def pure() -> str:
    return render({"a": 1})


@get("/nested")
def nested() -> str:
    def later():
        time.sleep(1)
    return render(later)


OPTIONS = {"sync_to_thread": True}
THREAD = True


@get("/opts", **OPTIONS)
def opts() -> str:
    time.sleep(1)
    return "ok"


@get("/flag", sync_to_thread=THREAD)
def flag() -> str:
    time.sleep(1)
    return "ok"


def handler(path):  # a project's own decorator
    return lambda f: f


@handler("/own")
def own() -> str:
    time.sleep(1)
    return "ok"


app = Litestar(route_handlers=[index, ask, via_helper, explicit_false, qualified, Items, threaded,
                               coroutine_handler, pure, nested, opts, flag])
