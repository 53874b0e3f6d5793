from time import *


async def wait_then(msg):
    sleep(2)  # want: ASYNC251
    return msg
