# trio and anyio cancel scopes are level-triggered: a cancellation caught and
# not re-raised is raised again at the next checkpoint inside the cancelled
# scope. A handler that re-raises unless the operation already completed, and
# then returns with no further await, leaves the cancellation to the caller's
# next checkpoint.
import anyio
import trio
from anyio import get_cancelled_exc_class


class Channel:
    async def receive(self):
        slot = []
        self.waiting.append(slot)
        try:
            await self.event.wait()
        except get_cancelled_exc_class():
            # keep the item if it already arrived: the scope raises again later
            if not slot:
                raise
        finally:
            self.waiting.remove(slot)
        if slot:
            return slot[0]
        raise EOFError

    async def receive_trio(self):
        slot = []
        try:
            await self.event.wait()
        except trio.Cancelled as exc:
            if not slot:
                raise exc
        return slot[0]

    async def receive_qualified(self):
        slot = []
        try:
            await self.event.wait()
        except anyio.get_cancelled_exc_class():
            if not slot:
                raise
        return slot[0]


# Reported: asyncio's cancellation is delivered once; swallowed, it is lost.
import asyncio


async def receive_asyncio(event, slot):
    try:
        await event.wait()
    except asyncio.CancelledError:  # want: ASYNC103
        if not slot:
            raise
    return slot[0]


# Reported: never re-raised, not even conditionally.
async def swallow_trio(event, slot):
    try:
        await event.wait()
    except trio.Cancelled:  # want: ASYNC103
        slot.clear()
    return slot


# Still reported, outside the shape read here: the function goes on after the
# swallow (its next await would raise again; the exemption stays narrow).
async def awaits_after(event, slot):
    try:
        await event.wait()
    except trio.Cancelled:  # want: ASYNC103
        if not slot:
            raise
    await trio.sleep(1)
    return slot[0]


# Still reported, outside the shape read here: a loop around the try.
async def in_a_loop(event, slot):
    while not slot:
        try:
            await event.wait()
        except get_cancelled_exc_class():  # want: ASYNC103
            if not slot:
                raise
    return slot[0]
