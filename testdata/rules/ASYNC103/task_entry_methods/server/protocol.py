import asyncio
import logging

log = logging.getLogger(__name__)


class RequestHandler(asyncio.Protocol):
    def connection_made(self, transport):
        self._transport = transport
        self._loop = asyncio.get_running_loop()
        self._task_handler = self._loop.create_task(self.serve())
        self._app_task = self._loop.create_task(self.run_application(transport))

    # Quiet: public, but every module of the project only starts it as a
    # task (connection_made above, the test helper in app.py): it is the
    # connection's top level, and on cancellation the connection ends.
    async def serve(self):
        while True:
            try:
                request = await self.read_request()
            except asyncio.CancelledError:
                log.debug("client went away")
                break
            self.dispatch(request)
        self._transport.close()

    # Quiet: the task's top level logs whatever ended the application and
    # closes the connection; nobody awaits it.
    async def run_application(self, transport):
        try:
            await self.app()
        except BaseException as exc:
            log.error("Exception in application", exc_info=exc)
            transport.close()

    async def read_request(self):
        await asyncio.sleep(1)

    async def app(self):
        await asyncio.sleep(1)

    def dispatch(self, request):
        log.debug("request %r", request)


class Client:
    def start(self):
        self._task = asyncio.ensure_future(self.sync_forever())

    # Fires: started as a task here, but app.py awaits it under a timeout:
    # the swallow ends that caller's wait normally and its timeout never fires.
    async def sync_forever(self):
        try:
            while True:
                await asyncio.sleep(30)
        except asyncio.CancelledError:  # want: ASYNC103
            log.debug("sync stopped")
