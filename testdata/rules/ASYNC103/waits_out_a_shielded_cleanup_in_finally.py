import asyncio


# Quiet: the `finally:` clause of a connection loop waits out its close-out
# task (aiowebostv's and aiorussound's shape). The shield keeps the close-out
# running, the loop goes round until it is done, and the cancellations it
# swallows meanwhile arrive while the cleanup must finish; when the try
# statement was left by an exception (the task's own cancellation among
# them), that exception goes on propagating after the finally clause.
class Client:
    def __init__(self, ws, callbacks):
        self.ws = ws
        self.callbacks = callbacks

    async def connect_handler(self):
        try:
            async for message in self.ws:
                await self.dispatch(message)
        finally:
            closeout = {asyncio.create_task(cb(self)) for cb in self.callbacks}
            if closeout:
                closeout_task = asyncio.create_task(asyncio.wait(closeout))
                while not closeout_task.done():
                    try:
                        await asyncio.shield(closeout_task)
                    except asyncio.CancelledError:
                        pass

    async def consumer_handler(self):
        try:
            await self.ws.wait_closed()
        finally:
            self._closeout = asyncio.create_task(self.ws.close())
            while not self._closeout.done():
                try:
                    await asyncio.shield(self._closeout)
                except asyncio.CancelledError:
                    pass

    async def dispatch(self, message):
        await asyncio.sleep(0)


# Fires: the same wait outside a finally clause swallows the cancellation of a
# task that then goes on as if nothing happened.
async def wait_out(task):
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:  # want: ASYNC103
            pass
    return task.result()


# Fires: in a finally clause, but the loop does not wait for the shielded task
# (its condition tests something else), so a cancellation is swallowed while
# nothing is being waited out.
async def finally_other_condition(ws, closeout_task, state):
    try:
        await ws.recv()
    finally:
        while state.open:
            try:
                await asyncio.shield(closeout_task)
            except asyncio.CancelledError:  # want: ASYNC103
                pass


# Fires: in a finally clause, but the try body does more than wait for the
# shielded task: the cancellation may arrive in the unshielded send.
async def finally_more_work(ws, closeout_task):
    try:
        await ws.recv()
    finally:
        while not closeout_task.done():
            try:
                await ws.send(b"bye")
                await asyncio.shield(closeout_task)
            except asyncio.CancelledError:  # want: ASYNC103
                pass


# Fires: in a finally clause, but the wait is not shielded: the first
# cancellation cancels the close-out itself, which the loop then finds done.
async def finally_unshielded(ws, closeout_task):
    try:
        await ws.recv()
    finally:
        while not closeout_task.done():
            try:
                await closeout_task
            except asyncio.CancelledError:  # want: ASYNC103
                pass


# Fires: the handler leaves the loop with `break`: the wait is not waited out,
# and the ASYNC104 finding names the break.
async def finally_breaks(ws, closeout_task):
    try:
        await ws.recv()
    finally:
        while not closeout_task.done():
            try:
                await asyncio.shield(closeout_task)
            except asyncio.CancelledError:
                break  # want: ASYNC104
