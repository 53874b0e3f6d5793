# Textual's `App.suspend()` hands the terminal to another program for its
# `with` block: the app stops reading input and drawing until the block
# ends, and the block must run on the app's thread (textual/app.py, Textual
# 8.2.8: its docstring's example is `with self.suspend(): os.system("emacs
# -nw")`). An editor or pager run there blocks the loop on purpose: quiet,
# in an action, in a helper an action calls (posting's "open in editor"
# actions on corpus44), and through `self.app` in a widget. The same call
# outside the block, or under another context manager, is still reported.
import contextlib
import os
import subprocess

from textual.app import App
from textual.widgets import TextArea


class Editor(App):
    def action_edit(self) -> None:
        with self.suspend():
            os.system("vim notes.txt")

    def action_page(self) -> None:
        self._open_with("less")

    def _open_with(self, command) -> None:
        with self.suspend():
            try:
                subprocess.call([command, "notes.txt"])
            except OSError:
                self.notify("cannot run " + command)

    def action_edit_then_lint(self) -> None:
        with self.suspend():
            subprocess.call(["vim", "notes.txt"])
        subprocess.run(["ruff", "check", "notes.txt"])  # want: ASL201 "blocks the event loop in `action_edit_then_lint`"

    def action_lint(self) -> None:
        with contextlib.suppress(OSError):
            subprocess.run(["ruff", "check", "notes.txt"])  # want: ASL201


class Notes(TextArea):
    def action_open_in_editor(self) -> None:
        with self.app.suspend():
            subprocess.call(["vim", "notes.txt"])

    async def action_open_in_pager(self) -> None:
        with self.app.suspend():
            subprocess.call(["less", "notes.txt"])

    async def action_count(self) -> None:
        subprocess.call(["wc", "notes.txt"])  # want: ASYNC221
