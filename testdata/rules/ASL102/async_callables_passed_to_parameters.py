import asyncio
import functools
import inspect

from asgiref.sync import sync_to_async


def _check(request):
    request.session.pop("login", None)


def _after_response(request, response, check):
    if response.status_code // 100 != 2:
        return
    check(request)  # want: ASL102 "coroutine `check\(\)` is never awaited: `_after_response\(\)` calls its parameter `check` and drops the result, and line 21 passes `sync_to_async\(_check\)`"


def middleware_factory(get_response, is_async):
    async def amiddleware(request):
        response = await get_response(request)
        _after_response(request, response, sync_to_async(_check))
        return response

    def middleware(request):
        response = get_response(request)
        _after_response(request, response, _check)
        return response

    return amiddleware if is_async else middleware


async def on_message(msg):
    await asyncio.sleep(0)


def on_message_sync(msg):
    print(msg)


def dispatch(messages, handler):
    for m in messages:
        handler(m)  # want: ASL102 "line 47 passes `on_message`, a coroutine function"


class Bus:
    def run(self, messages):
        dispatch(messages, on_message)
        dispatch(messages, on_message_sync)
        self.each(messages, callback=functools.partial(on_message_prefixed, "bus"))

    def each(self, messages, callback):
        for m in messages:
            callback(m)  # want: ASL102 "a partial of a coroutine function"


async def on_message_prefixed(prefix, msg):
    await asyncio.sleep(0)


# Quiet: only sync functions are passed.
def notify(listeners, event, fn):
    fn(event)


def wire():
    notify([], "start", print)
    notify([], "stop", on_message_sync)


# Quiet: the callee tells the kinds apart, or keeps, returns or awaits what
# the call makes.
def call_either(fn, value):
    if inspect.iscoroutinefunction(fn):
        return asyncio.ensure_future(fn(value))
    fn(value)


def keep(fn, value):
    result = fn(value)
    return result


async def await_it(fn, value):
    await fn(value)


def register(handlers, fn):
    handlers.append(fn)


def rebinds(fn, value):
    fn = functools.partial(print, "rebound")
    fn(value)


def wire_async():
    call_either(on_message, 1)
    keep(on_message, 1)
    asyncio.run(await_it(on_message, 1))
    register([], on_message)
    rebinds(on_message, 1)
