# fix: ASYNC210, ASYNC240, ASL202, ASL102
import os
import socket

import requests


async def save(data):
    return data


async def fetch(url, path):
    body = requests.get(url).json()
    names = os.listdir(path)
    addr = socket.gethostbyname("example.com")
    save(body)
    return body, names, addr
