# matrix-nio's raw request methods (`send`, `_send`) are coroutines like the
# others, and each call is a bare coroutine: `async with` on it raises
# TypeError (no `__aenter__`) and the request is never made (realbugs83:
# NioBot, a bot framework subclassing AsyncClient, shipped `async with
# self.send(method, path, data, headers) as response:` in set_account_data,
# nexy7574/nio-bot issue #40).
import nio
from nio import Api, AsyncClient


class Bot(AsyncClient):
    async def set_account_data(self, key: str, data: dict) -> None:
        method, path = "PUT", Api._build_path(["user", self.user_id, "account_data", key])
        async with self.send(method, path, data, {"Content-Type": "application/json"}) as response:  # want: ASL102 "entered with `async with`"
            if response.status != 200:
                return None
            return await response.json()

    async def whoami_raw(self):
        self._send(nio.WhoamiResponse, "GET", "/account/whoami")  # want: ASL102

    async def room_url(self, mxc: str):
        return self.mxc_to_http(mxc).startswith("https")  # want: ASL102


async def invite_then(client: nio.AsyncClient, room_id: str):
    async with client.room_invite(room_id, "@friend:example.org"):  # want: ASL102 "entered with `async with`"
        pass


# Quiet: the request is awaited first (an aiohttp response supports `async
# with`), or the project's own class defines the method.


class Fine(AsyncClient):
    async def get_account_data(self, key: str):
        response = await self.send("GET", "/user/" + key)
        async with await self.send("GET", "/user/" + key) as again:
            return await response.json(), again.status


class OwnSend(AsyncClient):
    def send(self, method, path, data=None, headers=None):
        return open(path)

    async def read(self, path):
        async with self.send("GET", path) as f:
            return f
