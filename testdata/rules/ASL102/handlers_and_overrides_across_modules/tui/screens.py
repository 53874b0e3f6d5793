from textual.screen import Screen
from textual.widgets import Button

from tui.app import NotesApp  # noqa: F401


class Confirm(Screen):
    # Quiet: the app is the project's NotesApp, whose action_quit is plain.
    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.app.action_quit()

    # Fires: NotesApp keeps Textual's async action_focus.
    def on_mount(self) -> None:
        self.app.action_focus("#ok")  # want: ASL102
