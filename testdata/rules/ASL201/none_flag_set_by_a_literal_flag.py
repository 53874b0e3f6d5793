# A local that an if/else sets to a new object on one side and to None on
# the other, tested for None later: the blocking call under that test runs
# only when the if's condition held (argos's model: the asyncio thread
# waits for the GTK thread only when asked to).
import threading


class Model:
    def __init__(self, run_on_gui):
        self._run_on_gui = run_on_gui

    def complete(self, uri, *, wait=False):
        event: threading.Event | None
        if wait and threading.current_thread() != threading.main_thread():
            event = threading.Event()
        else:
            event = None

        def _complete():
            print(uri)
            if event is not None:
                event.set()

        self._run_on_gui(_complete)
        if event is not None:
            event.wait(timeout=2.0)

    def refresh(self, uri, quick=True):
        if quick:
            done = None
        else:
            done = threading.Event()
        self._run_on_gui(print)
        if done is not None:
            done.wait()

    def reload(self, uri, quick=True):
        # Assigned a third time: no longer a flag of the if alone.
        if quick:
            done = None
        else:
            done = threading.Event()
        if uri.startswith("file:"):
            done = threading.Event()
        if done is not None:
            done.wait()


class Controller:
    def __init__(self, model: Model):
        self._model = model

    async def history(self, uri):
        self._model.complete(uri)  # quiet: wait defaults to False, no Event is made

    async def preload(self, uri):
        self._model.complete(uri, wait=False)  # quiet: the None side runs

    async def browse(self, uri, wait):
        self._model.complete(uri, wait=wait)  # want: ASL201 "event.wait"

    async def browse_now(self, uri):
        self._model.complete(uri, wait=True)  # want: ASL201

    async def refresh_quick(self, uri):
        self._model.refresh(uri)  # quiet: quick defaults to True, done is None

    async def refresh_slow(self, uri):
        self._model.refresh(uri, quick=False)  # want: ASL201

    async def reload_quick(self, uri):
        self._model.reload(uri)  # want: ASL201
