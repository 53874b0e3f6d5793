from base import Command


class Local(Command):
    def _close(self):
        pass
