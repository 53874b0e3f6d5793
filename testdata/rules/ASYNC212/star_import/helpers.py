import httpx2


async def fetch(url):
    client = httpx2.Client()
    return client.get(url)  # want: ASYNC212
