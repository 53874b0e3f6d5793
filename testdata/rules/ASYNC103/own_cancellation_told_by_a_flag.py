import asyncio


class Console:
    # aioconsole: the SIGINT handler sets a flag and cancels the running
    # task; the handler re-raises any other cancellation.
    def __init__(self, loop):
        self.loop = loop
        self._sigint_received = False
        self._stopping = False

    def handle_sigint(self, task):
        self._sigint_received = True
        task.cancel()

    def request_stop(self):
        self._stopping = True

    async def interact(self, read_line, push):
        while True:
            try:
                line = await read_line()
                await push(line)
            except asyncio.CancelledError:
                # Not our cancellation
                if not self._sigint_received:
                    raise
                self._sigint_received = False
                print("KeyboardInterrupt")

    async def interact_until_stopped(self, read_line, push):
        while True:
            try:
                line = await read_line()
                await push(line)
            except asyncio.CancelledError:  # want: ASYNC103
                # Fires: the flag is set by a method that cancels nothing;
                # the cancellation may be anyone's.
                if not self._stopping:
                    raise
                self._stopping = False

    async def interact_swallowing(self, read_line):
        while True:
            try:
                await read_line()
            except asyncio.CancelledError:  # want: ASYNC103
                # Fires: the flag is not checked first.
                print("interrupted")
                if not self._sigint_received:
                    raise
