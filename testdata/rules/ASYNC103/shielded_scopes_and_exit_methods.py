import logging

import anyio
import trio

log = logging.getLogger(__name__)


# Quiet: every await of the try body runs inside a shielded cancel scope, so
# no cancellation from outside can arrive there; a cancellation of the scope
# itself ends the scope. What the handler catches is the cleanup's own error.
async def close_quietly(resource):
    try:
        with trio.CancelScope(shield=True) as scope:
            scope.deadline = trio.current_time() + 5
            await resource.aclose()
    except BaseException:
        log.exception("error while closing %r", resource)


async def flush_before_exit(stream):
    try:
        with anyio.move_on_after(2, shield=True):
            await stream.flush()
            await stream.aclose()
    except BaseException:
        log.warning("flush failed")


# Fires: the second await is outside the shielded scope.
async def close_then_notify(resource, peer):
    try:
        with trio.CancelScope(shield=True):
            await resource.aclose()
        await peer.send(b"closed")
    except BaseException:  # want: ASYNC103
        log.exception("close failed")


# Fires: `shield=False` (or no shield) does not keep cancellation out.
async def unshielded_scope(resource):
    try:
        with anyio.move_on_after(2, shield=False):
            await resource.aclose()
    except anyio.get_cancelled_exc_class():  # want: ASYNC103
        log.info("cancelled while closing")


class GeneratorContext:
    """Drives an async generator as a context manager, as contextlib does."""

    def __init__(self, agen):
        self.agen = agen

    async def __aenter__(self):
        return await self.agen.__anext__()

    # Quiet: returning False from __aexit__ when the generator re-raised the
    # very exception it was given lets that exception (a cancellation too)
    # propagate; anything else is re-raised.
    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            return False
        try:
            await self.agen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        return True


class SwallowingContext:
    def __init__(self, agen):
        self.agen = agen

    # Fires: the handler returns True, which suppresses the cancellation.
    async def __aexit__(self, typ, value, traceback):
        try:
            await self.agen.athrow(value)
        except BaseException as exc:  # left only by return: one finding, ASYNC104 at the return
            if exc is value:
                return True  # want: ASYNC104
            raise

    # Fires: the falsy return is reached when the caught exception is a
    # different one, so the cancellation caught is dropped.
    async def aclose_on_exit(self, typ, value, traceback):
        try:
            await self.agen.aclose()
        except BaseException as exc:  # left only by return: one finding, ASYNC104 at the return
            if exc is value:
                return False  # want: ASYNC104
            raise


class MirroredGeneratorContext:
    def __init__(self, agen):
        self.agen = agen

    # Quiet: the handler re-raises any other exception and falls through
    # only when it caught the one it was given; the method then ends and
    # returns None, so that exception (a cancellation too) propagates.
    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            return None
        try:
            await self.agen.athrow(value)
        except BaseException as exc:
            if exc is not value:
                raise


class MirroredButSuppressing:
    def __init__(self, agen):
        self.agen = agen

    # Fires: after falling through, the method returns True, which
    # suppresses the exception it was given.
    async def __aexit__(self, typ, value, traceback):
        try:
            await self.agen.athrow(value)
        except BaseException as exc:  # want: ASYNC103
            if exc is not value:
                raise
        return True

    # Fires: the guard compares with something other than the exception the
    # method was given.
    async def __aexit__(self, typ, value, traceback):
        try:
            await self.agen.athrow(value)
        except BaseException as exc:  # want: ASYNC103
            if exc is not typ:
                raise


class ExcInfoContext:
    def __init__(self, agen):
        self.agen = agen

    # Quiet: async_generator's asynccontextmanager names the caught exception
    # `sys.exc_info()[1]` under a bare except: returning False when it is
    # the one given lets that exception propagate.
    async def __aexit__(self, typ, value, traceback):
        import sys

        try:
            await self.agen.athrow(typ, value, traceback)
        except:  # noqa: E722
            if sys.exc_info()[1] is value:
                return False
            raise

    # Fires: the same test in a method that is no exit method: returning
    # False there drops the cancellation.
    async def athrow_quietly(self, typ, value, traceback):
        import sys

        try:
            await self.agen.athrow(typ, value, traceback)
        except:  # noqa: E722  # left only by return: one finding, ASYNC104 at the return
            if sys.exc_info()[1] is value:
                return False  # want: ASYNC104
            raise
