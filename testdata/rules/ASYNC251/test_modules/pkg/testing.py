# A library module named `testing` (test utilities the package ships, like
# tornado.testing): not a test module; its own name is not a test package.
import time


async def wait_for_server(port):
    time.sleep(0.1)  # want: ASYNC251
    return port
