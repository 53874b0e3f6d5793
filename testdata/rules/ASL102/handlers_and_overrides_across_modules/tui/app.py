from textual.app import App


# The project's App overrides Textual's async `action_quit` with a plain
# method.
class NotesApp(App):
    def action_quit(self) -> None:
        self.save()
        self.exit()

    def save(self) -> None:
        pass
