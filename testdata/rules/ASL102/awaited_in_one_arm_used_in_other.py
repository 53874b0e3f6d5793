# A value of a library call awaited in one arm of an `if` and used as another
# kind of object in another arm only: code written for two versions of the
# library (questionary's `run_async()`, a coroutine in prompt_toolkit 3, a
# future with `to_asyncio_future()` in prompt_toolkit 2), which expects
# either value. A coroutine function of the project makes a coroutine
# whatever the arm: there the other arm's use is the bug.
import asyncio

from prompt_toolkit import Application as PromptApplication


class Application:
    async def run_async(self):
        await asyncio.sleep(0)
        return 1


def is_v3():
    return True


# Quiet: a library call's value awaited in one arm, its method called in the
# other.
async def ask(app: PromptApplication):
    r = app.run_async()
    if is_v3():
        return await r
    else:
        return await r.to_asyncio_future()


# Reported: the project's own coroutine function, awaited in one arm and
# taken for a future in the other (a forgotten create_task).
async def ask_project(app: Application, wait: bool):
    r = app.run_async()  # want: ASL102
    if wait:
        return await r
    else:
        r.add_done_callback(print)
        return None


# Reported: the method is called in the same arm as the await, or with no
# await in another arm.
async def ask_same_arm(app: Application):
    r = app.run_async()  # want: ASL102
    if is_v3():
        r.add_done_callback(print)
        return await r
    return None


async def ask_never_awaited(app: Application):
    r = app.run_async()  # want: ASL102
    if is_v3():
        return r.result()
    else:
        return r.to_asyncio_future()
