import asyncio
import urllib.request
import requests
import requests as rq
import httpx
import urllib3
from requests import Session


class Client:
    def __init__(self):
        self.session = requests.Session()

    async def get(self, url):
        return self.session.get(url)  # want: ASYNC210 "`self\.session\.get\(\)` \(requests\.Session\.get\) blocks the event loop in async function `get`"


async def calls(url):
    requests.get(url)  # want: ASYNC210
    rq.post(url, data=b"x")  # want: ASYNC210
    requests.Session().get(url)  # want: ASYNC210
    s = requests.Session()
    s.put(url)  # want: ASYNC210
    with Session() as sess:
        sess.delete(url)  # want: ASYNC210
    urllib.request.urlopen(url)  # want: ASYNC210
    httpx.get(url)  # want: ASYNC210
    urllib3.request("GET", url)  # want: ASYNC210
    pool = urllib3.PoolManager()
    pool.request("GET", url)  # want: ASYNC211
    # Chained: the request is offloaded, .json() of its response runs after.
    data = requests.get(url).json()  # want: ASYNC210
    return data


# Quiet cases.
def sync_fetch(url):
    return requests.get(url)


async def to_thread(url):
    return await asyncio.to_thread(requests.get, url)


async def async_client(url):
    async with httpx.AsyncClient() as client:
        return await client.get(url)


async def shadowed(requests, url):
    return await requests.get(url)


async def dict_get(d):
    return d.get("requests")
