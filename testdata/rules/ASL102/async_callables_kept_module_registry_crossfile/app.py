# Another module registers with the decorator: an async hook is reported at
# the decorator, since the call that drops its coroutine is in hooks.py.
import asyncio

from hooks import startup_hook


@startup_hook  # want: ASL102 "coroutine function `warm_cache` is kept by `@startup_hook` in `_STARTUP_HOOKS` and called without awaiting \(`hook\(app\)`\)"
async def warm_cache(app):
    await asyncio.sleep(0)


@startup_hook
def log_start(app):
    print(app)
