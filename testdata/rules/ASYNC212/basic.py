import httpx


async def sync_client(url):
    with httpx.Client() as client:
        client.get(url)  # want: ASYNC212 "`client\.get\(\)` \(httpx\.Client\.get\) blocks the event loop.*use `httpx2\.AsyncClient`"
        client.post(url, json={})  # want: ASYNC212
    c = httpx.Client()
    c.send(c.build_request("GET", url))  # want: ASYNC212


# Quiet.
async def async_client(url):
    async with httpx.AsyncClient() as client:
        await client.get(url)


def sync(url):
    with httpx.Client() as client:
        client.get(url)
