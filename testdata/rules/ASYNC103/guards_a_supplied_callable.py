# A dispatcher's boundary around code it was handed (an application's event
# handler, a command callback, a plugin, an RPC method): the handler is its
# policy for whatever that code raises, a CancelledError of its own included.
import asyncio
import logging

log = logging.getLogger(__name__)


class Namespace:
    # Quiet: python-socketio's dispatch, a handler looked up with getattr.
    async def trigger_event(self, event, *args):
        handler = getattr(self, "on_" + event)
        try:
            ret = await handler(*args)
        except asyncio.CancelledError:  # quiet: a cancelled event handler counts as returning None
            ret = None
        return ret


class Server:
    def __init__(self):
        self.handlers = {}
        self.callbacks = {}

    # Quiet: a handler looked up in a table, called in place.
    async def trigger(self, event, *args):
        try:
            return await self.handlers[event](*args)
        except asyncio.CancelledError:  # quiet: the table's handler is the dispatched code
            pass
        except:  # quiet: after the CancelledError handler
            log.exception("handler error")

    # Quiet: the coroutine of a looked-up callback, bound first, then awaited.
    async def trigger_callback(self, sid, id, data):
        callback = None
        try:
            callback = self.callbacks[sid][id]
        except KeyError:
            return
        ret = callback(*data)
        try:
            await ret
        except asyncio.CancelledError:  # quiet: the callback's own outcome
            pass


class Application:
    def __init__(self):
        self._routes = {}

    # Quiet: a route looked up with a mapping's get() (panoramisk's FastAGI).
    async def handler(self, path, request):
        route = self._routes.get(path)
        if route is not None:
            try:
                await route(request)
            except BaseException:  # quiet: the route's failure is logged, the connection closed
                log.exception("route %s failed", path)
        request.close()


# Quiet: a decorator's wrapper around the function it was given.
def safe(f):
    async def wrapper(*args, **kwargs):
        try:
            return await f(*args, **kwargs)
        except:  # quiet: the plugin's failure, whatever it is, is reported and absorbed
            log.exception("plugin failed")
            return None

    return wrapper


# Fires: a retry helper goes back into the try statement: cancel() is ignored.
async def retry(fn, attempts):
    for _ in range(attempts):
        try:
            return await fn()
        except BaseException:  # want: ASYNC103
            await asyncio.sleep(1)


# Fires: the try body also awaits the function's own code.
async def run_plugin(plugin, conn):
    try:
        await plugin(conn)
        await conn.flush()
    except BaseException:  # want: ASYNC103
        log.exception("plugin failed")


# Fires: a method of a parameter is the parameter's own code, not a callable
# the function was handed.
async def refresh(client):
    try:
        await client.refresh()
    except:  # want: ASYNC103
        log.warning("refresh failed")


# Fires: a name bound to something other than a lookup.
async def run_default(*args):
    handler = make_handler()
    try:
        await handler(*args)
    except asyncio.CancelledError:  # want: ASYNC103
        pass


def make_handler(): ...


async def handle_a(msg): ...


HANDLERS = {"a": handle_a}


# Fires: an item of a table of the module's own functions is known code.
async def dispatch(kind, msg):
    try:
        await HANDLERS[kind](msg)
    except BaseException:  # want: ASYNC103
        pass


async def handle_b(msg): ...


TABLE = {"a": handle_a, "b": handle_b}


# Fires: the same with a table of several functions.
async def dispatch_any(kind, msg):
    try:
        await TABLE[kind](msg)
    except BaseException:  # want: ASYNC103
        pass


class Decoding:
    def __init__(self):
        self.handlers = {}

    async def decode(self, raw): ...

    # Fires: the handler's argument awaits the class's own code first.
    async def dispatch_decoded(self, event, raw):
        try:
            await self.handlers[event](await self.decode(raw))
        except asyncio.CancelledError:  # want: ASYNC103
            pass
