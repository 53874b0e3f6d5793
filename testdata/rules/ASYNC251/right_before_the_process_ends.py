# A sleep followed at once by os._exit(): no task of the loop runs again, so
# none waits for the sleep (jupyterlab's browser check lets output flush).
import os
import sys
import time


async def run_browser_check(app, result):
    try:
        app.http_server.stop()
        app.io_loop.stop()
    finally:
        time.sleep(2)
        # let the output reach the parent before the hard exit
        os._exit(result)


async def exit_cleanly(result):
    time.sleep(2)  # want: ASYNC251
    sys.exit(result)  # raises SystemExit: the loop's tasks are cancelled, and run


async def sleep_then_work(app):
    time.sleep(2)  # want: ASYNC251
    app.restart()
    os._exit(0)
