# Reduced shape of https://github.com/mewhrzad/marzpy/pull/23
# (a project coroutine's object subscripted as its result); not the project's code.
import aiohttp


class Panel:
    def __init__(self, base):
        self.base = base

    async def _request(self, path):
        async with aiohttp.ClientSession() as s:
            async with s.get(self.base + path) as r:
                return await r.json()

    async def get_user_usage(self, name):
        response = await self._request("/user/" + name + "/usage")
        return response["usages"]
