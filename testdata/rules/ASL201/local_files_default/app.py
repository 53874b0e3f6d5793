# asl201-local-files unset (the default), in an application that owns its
# loop: chains through helpers that end in local file work are left out;
# the project keeps its config and state files synchronous by choice. A
# network call through the same helpers is still reported, and so is a
# file call written in the coroutine itself (its own rule, ASYNC230).
import asyncio

from store import fetch_state, flush_state, load_plugin, load_state, save_state


async def start(path, url):
    state = load_state(path)  # quiet: local file work through a helper
    save_state(path, state)  # quiet
    plugin = load_plugin(state["plugin"])  # quiet: an import is local file work too
    flush_state(state["file"])  # quiet: so is a flush to the disk (os.fsync)
    remote = fetch_state(url)  # want: ASL201 "requests.get"
    with open(path) as f:  # want: ASYNC230
        f.read()  # named in the open's ASYNC230 finding
    return plugin, remote


def main():
    # Run from a function (not as a script's main coroutine before its first
    # await, where nothing else is on the loop yet: script_main_*.py).
    asyncio.run(start("state.json", "https://example.org/state"))
