# Callbacks defined in other modules, handed to the loop here: each is
# reported once, at its registration. A protocol callback handed over too
# reports its own blocking call in its module, not here.
import asyncio

from app import jobs
from app.jobs import Uploader, heartbeat, refresh_token
from app.server import Relay


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(30, refresh_token)  # want: ASL201 "`refresh_token` blocks the event loop: `loop.call_later\(\)` has the loop call it on its own thread, and it calls blocking `requests.post\(\)`"
    loop.call_soon(Uploader().flush)  # want: ASL201 "`Uploader.flush` blocks the event loop"
    loop.call_at(loop.time() + 60, jobs.refresh_token)  # the same function: one finding, at its first registration
    loop.call_soon(heartbeat)  # quiet: nothing blocks
    relay = Relay()
    loop.call_soon(relay.data_received, b"x\n")  # quiet here: server.py reports data_received's own call
    await asyncio.sleep(1)
