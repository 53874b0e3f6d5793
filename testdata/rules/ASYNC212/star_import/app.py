# After a star import an unbound name may be anything: not read as a module.
from helpers import *


async def fetch(url):
    client = httpx.Client()
    return client.get(url)


async def direct(url):
    # helpers binds httpx2 (it imports it), so the star import brings it here.
    client = httpx2.Client()
    return client.send(url)  # want: ASYNC212
