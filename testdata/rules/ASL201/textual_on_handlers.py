# Textual calls a message handler registered with `@on(...)` on the app's
# event loop, a plain def inline (textual/message_pump.py
# `_dispatch_message` -> `await invoke(method, message)`; textual/_callback.py
# `_invoke` awaits the result only when it is awaitable): a blocking call in
# a synchronous handler stalls the UI. With `@work` the handler starts a
# worker instead, and calling a `@work(thread=True)` method runs its body in
# a worker thread, not in the caller.
import subprocess

from textual import on, work
from textual.app import App
from textual.widgets import Button, Input


def run_command(command):
    return subprocess.run(command.split(), capture_output=True, text=True).stdout


class Tool(App):
    # Fires: synchronous handlers run on the loop.
    @on(Button.Pressed, "#pin")
    def pin(self):
        subprocess.run(["rye", "pin", "3.12"])  # want: ASL201

    @on(Input.Submitted)
    def remove(self, message):
        run_command("rye remove " + message.value)  # want: ASL201

    # Quiet: the handler starts a thread worker.
    @work(thread=True)
    @on(Button.Pressed, "#sync")
    def sync(self):
        run_command("rye sync")

    # Quiet: calling a thread-worker method starts the worker; its body
    # does not run in the handler, nor in a coroutine that calls it.
    @on(Input.Changed)
    def add(self, message):
        self.add_package(message.value)

    async def on_mount(self):
        self.add_package("textual")

    @work(thread=True)
    def add_package(self, package):
        run_command("rye add " + package)

    # Quiet: no blocking work.
    @on(Button.Pressed, "#close")
    def close(self):
        self.exit()
