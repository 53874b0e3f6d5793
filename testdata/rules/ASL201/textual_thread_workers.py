# Textual runs a coroutine function decorated `@work(thread=True)` with
# `asyncio.run` in a worker thread (textual/worker.py Worker._run_threaded):
# it, and the coroutines only it awaits, are on a loop of their own, so a
# blocking helper there stalls only the worker's thread. Without
# `thread=True` the worker is awaited on the app's loop.
import subprocess

import textual
from textual import work
from textual.app import App


def run_command(command):
    return subprocess.run(command.split(), capture_output=True, text=True).stdout


# Quiet: thread workers, and a coroutine only they await.
class Builder(App):
    @work(thread=True)
    async def build(self):
        run_command("rye build")
        await self.finish()

    @textual.work(thread=True, exclusive=True)
    async def sync(self):
        run_command("rye sync")

    async def finish(self):
        run_command("rye show")

    def on_button_pressed(self):
        self.build()


# Fires: async workers run on the app's loop.
class Viewer(App):
    @work(exclusive=True)
    async def load(self):
        run_command("rye list")  # want: ASL201

    @work(thread=False)
    async def refresh(self):
        run_command("rye show")  # want: ASL201

    @work
    async def reload(self):
        run_command("rye show")  # want: ASL201


# Fires: a thread flag that is not the literal True is not known.
THREADED = True


class Flagged(App):
    @work(thread=THREADED)
    async def compile(self):
        run_command("rye build")  # want: ASL201


# Fires: a coroutine that a thread worker awaits and a plain handler awaits
# too runs on the app's loop from the handler; so does a thread worker
# whose name another coroutine of the module shares (names are read per
# module, and the same name is ambiguous).
class Shared(App):
    @work(thread=True)
    async def background(self):
        await self.step()

    async def on_mount(self):
        await self.step()

    async def step(self):
        run_command("rye sync")  # want: ASL201


class Twin(App):
    @work(thread=True)
    async def load(self):
        run_command("rye list")  # want: ASL201
