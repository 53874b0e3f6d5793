# A handler that ends in an application's exit() swallows nothing when the
# method the project resolves is traitlets' Application.exit (it raises
# SystemExit); the handler's last statement must be the call.
from traitlets.config.application import Application

from cli.base import BaseApp, SoftExitApp


class StartApp(BaseApp):
    async def start_workers(self):
        try:
            await self.launch()
        except BaseException:  # quiet: exit() never returns
            self.log.exception("start failed")
            self.exit(1)

    async def start_or_warn(self, strict):
        try:
            await self.launch()
        except BaseException:  # want: ASYNC103
            if strict:
                self.exit(1)
            self.log.warning("start failed")

    async def launch(self):
        pass


class DirectApp(Application):
    async def run(self):
        try:
            await self.launch()
        except BaseException:  # quiet: traitlets' exit() never returns
            self.exit(2)

    async def launch(self):
        pass


class SoftApp(SoftExitApp):
    async def run(self):
        try:
            await self.launch()
        except BaseException:  # want: ASYNC103
            self.exit(1)

    async def launch(self):
        pass
