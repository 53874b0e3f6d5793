import httpx

client = httpx.Client(base_url="https://api.github.com")


async def get_user(name):
    r = client.get(f"/users/{name}")  # want: ASYNC212
    return r.json()


async def get_repo(name):
    with httpx.Client() as c:
        return c.get(f"https://api.github.com/repos/{name}").json()  # want: ASYNC212


async def quick(url):
    return httpx.get(url).text  # want: ASYNC210


class GitHub:
    def __init__(self, token):
        self.client = httpx.Client(headers={"Authorization": f"token {token}"})
        self.aclient = httpx.AsyncClient()

    async def star(self, repo):
        self.client.put(f"https://api.github.com/user/starred/{repo}")  # want: ASYNC212

    async def unstar(self, repo):
        await self.aclient.delete(f"https://api.github.com/user/starred/{repo}")


async def fine(url):
    async with httpx.AsyncClient() as c:
        r = await c.get(url)
        return r.text
