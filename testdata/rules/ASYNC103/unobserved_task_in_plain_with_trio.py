import logging

import trio

log = logging.getLogger(__name__)


class Worker:
    async def run(self):
        async with trio.open_nursery() as nursery:
            nursery.start_soon(self._poll)

    # Fires: in trio's code a plain `with` may be a cancel scope (here a
    # timeout): swallowing its cancellation makes the deadline pass unseen.
    async def _poll(self):
        with trio.move_on_after(5):
            try:
                await trio.sleep(10)
            except trio.Cancelled:  # want: ASYNC103
                log.info("poll stopped")
