# A module-level registry: a function keeps its parameter in a global of
# the module, called or applied as a decorator, and code of the module calls
# what the global holds, dropping the result. Given a coroutine function,
# each such call makes a coroutine that never runs.
import asyncio

_HANDLERS = []
_BY_TOPIC = {}


def on_event(fn):
    _HANDLERS.append(fn)
    return fn


def subscribe(topic, fn):
    _BY_TOPIC.setdefault(topic, []).append(fn)


def dispatch(event):
    for handler in _HANDLERS:
        handler(event)  # want: ASL102 "`on_event\(\)` keeps what it decorates in `_HANDLERS`, this call drops what it returns, and line 31 decorates the coroutine function `handle_event`"


def publish(topic, message):
    for fn in _BY_TOPIC.get(topic, []):
        fn(message)  # want: ASL102 "`subscribe\(\)` keeps its parameter `fn` in `_BY_TOPIC`, this call drops what it returns, and line 39 passes `handle_message`"


@on_event
async def handle_event(event):
    await asyncio.sleep(0)


async def handle_message(message):
    await asyncio.sleep(0)


subscribe("news", handle_message)


# Quiet: a sync handler; a registry whose dispatcher awaits or tells the
# kinds apart; a decorator factory (what its call returns is not followed);
# a decorator that is not the one next to the def.

_ASYNC_HANDLERS = []
_CHECKED = []


def on_async_event(fn):
    _ASYNC_HANDLERS.append(fn)
    return fn


async def dispatch_async(event):
    for handler in _ASYNC_HANDLERS:
        await handler(event)


def on_checked(fn):
    _CHECKED.append(fn)
    return fn


def dispatch_checked(event):
    for handler in _CHECKED:
        if asyncio.iscoroutinefunction(handler):
            asyncio.ensure_future(handler(event))
        else:
            handler(event)


def on(topic):
    def register(fn):
        _BY_TOPIC.setdefault(topic, []).append(fn)
        return fn
    return register


def traced(fn):
    return fn


@on_event
def handle_sync(event):
    print(event)


@on_async_event
async def handle_async(event):
    await asyncio.sleep(0)


@on_checked
async def handle_checked(event):
    await asyncio.sleep(0)


@on("news")
async def handle_news(message):
    await asyncio.sleep(0)


@on_event
@traced
async def handle_traced(event):
    await asyncio.sleep(0)
