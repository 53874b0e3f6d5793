# Textual's App runs its actions as coroutine functions (textual/app.py:
# `async def action_quit`, `action_focus`, `action_switch_screen`, ...,
# `run_action`, `push_screen_wait`, `recompose`): a widget or a screen
# reaches the running app through `self.app` (MessagePump.app), and calling
# one of them there without await does nothing.
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static


class Panel(Static):
    def on_mount(self) -> None:
        self.app.action_focus(self.query_one(".panel"))  # want: ASL102

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.app.action_quit()  # want: ASL102

    async def on_key(self, event) -> None:
        await self.app.action_quit()

    def leave(self) -> None:
        # Plain methods, and ones whose awaitable result is optional.
        self.app.exit()
        self.app.push_screen("help")
        self.app.bell()
        self.app.call_later(self.app.action_quit)


class Menu(Screen):
    def on_key(self, event) -> None:
        if event.key == "q":
            self.app.action_quit()  # want: ASL102


class Card(Widget):
    async def pick(self):
        return await self.app.push_screen_wait("pick")

    def quit_later(self) -> None:
        self.app.run_action("quit")  # want: ASL102


class TuiApp(App):
    def on_key(self, event) -> None:
        self.action_quit()  # want: ASL102


class OwnBellApp(App):
    def action_bell(self) -> None:
        self.exit()

    def on_key(self, event) -> None:
        self.action_bell()


# Quiet: an `app` attribute of a class of the project that is not Textual's.
class Holder:
    def __init__(self, app):
        self.app = app

    def stop(self) -> None:
        self.app.action_quit()
