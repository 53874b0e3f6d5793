# `httpx` is bound nowhere in this file: it can only mean the module.


async def fetch(url):
    client = httpx.Client()
    return client.get(url)  # want: ASYNC212


async def typed(client: httpx.Client, url):
    return client.get(url)  # want: ASYNC212


async def local_named_like_module(url, make):
    httpx = make()
    client = httpx.Client()
    return client.get(url)
