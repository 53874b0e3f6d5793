# main.py hands refresh to the loop; the edit changes only which sleep it
# imports (asyncio's makes a coroutine here, and blocks nothing).
from time import sleep


def refresh():
    sleep(5)
