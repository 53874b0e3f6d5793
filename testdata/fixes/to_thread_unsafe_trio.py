# fix: ASYNC210, ASYNC240, ASL202
# trio.to_thread.run_sync and anyio's take no keyword arguments: a call with
# any runs inside a lambda.
import os
import socket

import requests
import trio


async def fetch(url, path):
    names = os.listdir(path)
    body = requests.get(url, timeout=5)
    addr = socket.gethostbyname("example.com")
    return names, body, addr
