# The project's application base: a traitlets Application (through IPython's
# application class), whose exit() calls sys.exit. Another base defines its
# own exit, which returns.
from IPython.core.application import BaseIPythonApplication


class BaseApp(BaseIPythonApplication):
    pass


class SoftExitApp(BaseIPythonApplication):
    def exit(self, status=0):
        self.log.warning("exit requested: %s", status)
