# A blocking call written in a coroutine that Textual runs as a thread
# worker (`@work(thread=True)`: asyncio.run in a worker thread,
# textual/worker.py Worker._run_threaded) stalls only that worker's own
# loop; in an async worker (the default) it stalls the app's loop.
import subprocess

from textual import work
from textual.app import App


class Tool(App):
    # Quiet: a thread worker, and a coroutine only it awaits.
    @work(thread=True, exclusive=True)
    async def build(self):
        subprocess.run(["rye", "build"])
        await self.publish()

    async def publish(self):
        subprocess.run(["rye", "publish"])

    # Fires: an async worker runs on the app's loop.
    @work(exclusive=True)
    async def show(self):
        subprocess.run(["rye", "show"])  # want: ASYNC221
