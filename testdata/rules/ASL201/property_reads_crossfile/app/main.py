from app.client import Api


class Poller:
    def __init__(self, api: Api):
        self.api = api

    async def poll(self):
        return {"Authorization": self.api.token}  # want: ASL201 "reading property `self.api.token` blocks the event loop in async function `poll`: its getter `Api.token\(\)` calls blocking `requests.post\(\)`"

    async def quiet(self):
        return self.api.headers
