# What happens to a coroutine object after it is created: used as if it were
# its result (the shapes real projects fixed by adding `await`).
import asyncio
import json
import logging
from typing import Any, cast

logger = logging.getLogger(__name__)


class Response:
    status: int


class ApiClient:
    async def get_me(self) -> dict:
        return {}

    async def _request(self, route: str) -> Response:
        return Response()

    async def call_model(self, prompt: str) -> str:
        return "{}"

    async def is_admin(self, user_id: int) -> bool:
        return True

    async def check(self) -> tuple:
        return True, ""

    async def get_player(self, name: str) -> dict:
        return {}

    async def notify(self, player: str) -> None:
        pass

    async def render_pdf(self, text: str) -> bytes:
        return b""

    async def _check_matcher(self, event: dict) -> list:
        return []

    async def full_sync(self) -> None:
        pass

    async def delta_sync(self) -> None:
        pass

    async def balance(self, user_id: int) -> int:
        return 0

    # Fire: each uses the coroutine object as if it were the result.
    async def whoami(self) -> str:
        me = self.get_me()  # want: ASL102
        return me["username"]

    async def parse(self, prompt: str) -> dict:
        return json.loads(self.call_model(prompt))  # want: ASL102

    async def typed(self, route: str) -> Response:
        return cast(Response, self._request(route))  # want: ASL102

    async def guard(self, user_id: int) -> None:
        if self.is_admin(user_id) == False:  # want: ASL102
            raise PermissionError(user_id)

    async def verify(self) -> str:
        ok, reason = self.check()  # want: ASL102
        return reason if not ok else ""

    async def matchers(self, event: dict) -> int:
        count = 0
        for m in self._check_matcher(event):  # want: ASL102
            count += 1
        return count

    async def status(self, route: str) -> int:
        resp = self._request(route)  # want: ASL102
        return resp.status

    async def profile(self, name: str) -> str:
        payload = {"player": self.get_player(name), "ok": True}  # want: ASL102
        return json.dumps(payload)

    async def log_balance(self, user_id: int) -> None:
        logger.info("balance: %s", self.balance(user_id))  # want: ASL102
        print(f"balance: {self.balance(user_id)}")  # want: ASL102

    async def broadcast(self, players: list) -> str:
        calls = []
        for p in players:
            calls.append(self.notify(p))  # want: ASL102
        return json.dumps(calls)

    async def sync_state(self, full: bool) -> None:
        if full:
            job = self.full_sync()  # want: ASL102
        else:
            job = self.delta_sync()
            await job

    # Returned un-awaited from an async def: awaiting it gives a coroutine.
    async def fetch_me(self) -> dict:
        return self.get_me()  # want: ASL102

    async def send_code_request(self, phone: str, retries: int = 3) -> Any:
        try:
            return await self._request(phone)
        except ConnectionError:
            if retries:
                await asyncio.sleep(1)
                return self.send_code_request(phone, retries - 1)  # want: ASL102
            raise

    # Quiet: awaited later, on every path, handed on, or tested for awaitability.
    async def later(self) -> dict:
        me = self.get_me()
        logger.debug("fetching")
        return await me

    async def with_timeout(self, timeout: float | None) -> dict:
        coro = self.get_me()
        if timeout:
            return await asyncio.wait_for(coro, timeout)
        return await coro

    async def either(self, full: bool) -> None:
        job = self.full_sync() if full else self.delta_sync()
        await job

    async def maybe_coroutine(self, handler: Any) -> Any:
        result = handler(self)
        if asyncio.iscoroutine(result):
            result = await result
        return result

    async def gathered(self, names: list) -> list:
        jobs = {"a": self.get_player(names[0]), "b": self.get_player(names[1])}
        results = await asyncio.gather(*jobs.values())
        calls = []
        for p in names:
            calls.append(self.notify(p))
        await asyncio.gather(*calls)
        return results

    async def awaited_first(self) -> str:
        me = await self.get_me()
        ok, reason = await self.check()
        a, b = await asyncio.gather(self.get_me(), self.check())
        return me["username"] + reason

    async def closed(self) -> None:
        coro = self.get_me()
        coro.close()

    def factory(self) -> Any:
        # A sync function returning the coroutine for its caller to await.
        return self.get_me()

    async def rebound(self) -> dict:
        me = self.get_me()
        me = await me
        return me["username"]

    async def tasks(self) -> list:
        pending = [self.get_me() for _ in range(3)]
        return await asyncio.gather(*pending)


async def refresh_all(clients: list) -> None:
    asyncio.gather(*[ApiClient().get_me() for _ in clients])  # want: ASL102 "awaitable `asyncio\.gather\(\)` is never awaited: its result is discarded"


async def refresh_all_ok(clients: list) -> list:
    # Quiet: awaited, or kept as a future and cancelled or returned.
    results = await asyncio.gather(*[ApiClient().get_me() for _ in clients])
    pending = asyncio.gather(ApiClient().get_me(), ApiClient().check())
    pending.add_done_callback(print)
    await asyncio.sleep(0)
    pending.cancel()
    return asyncio.gather(ApiClient().get_me())


class Chatbot:
    async def _get_completion(self, prompt: str) -> dict:
        return {}

    def _process_completion(self, request: str, completion: dict) -> str:
        if completion.get("choices") is None:
            raise ValueError(request)
        return completion["choices"][0]

    async def _finish(self, completion) -> str:
        return (await completion)["choices"][0]

    def _keep(self, completion) -> None:
        self.pending = completion

    async def ask(self, request: str) -> str:
        completion = self._get_completion(request)  # want: ASL102 "passed to `_process_completion\(\)` as `completion`, where its method `get\(\)` is called on the coroutine object"
        return self._process_completion(request, completion)

    async def ask_inline(self, request: str) -> str:
        return self._process_completion(request, completion=self._get_completion(request))  # want: ASL102

    async def ask_ok(self, request: str) -> str:
        # Quiet: the helper awaits it, or keeps it.
        answer = await self._finish(self._get_completion(request))
        self._keep(self._get_completion(request))
        completion = await self._get_completion(request)
        return self._process_completion(request, completion) + answer


class Countdown:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    def get_timeout(self) -> float:
        return self.timeout

    def __call__(self, coro: Any) -> Any:
        timeout = self.get_timeout()
        if not timeout:
            return coro
        return asyncio.wait_for(coro, timeout=timeout)


async def read_frame(client: ApiClient) -> dict:
    # Quiet: the callable instance hands the coroutine to wait_for.
    countdown = Countdown(5)
    return await countdown(client.get_me())


class Bot:
    def __init__(self, client: ApiClient) -> None:
        self.client = client

    async def start(self) -> None:
        self.me = self.client.get_me()  # want: ASL102
        self.pending = self.client.check()
        self.job = self.client.get_me()

    async def greet(self) -> str:
        return "I am " + self.me["username"]

    async def finish(self) -> None:
        # Quiet: these stored coroutines are awaited or scheduled elsewhere.
        await self.pending
        asyncio.ensure_future(self.job)

    def describe(self) -> str:
        return str(self.job.cr_running)
