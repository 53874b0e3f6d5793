# An API client with a retry helper: a custom exception carries the server's
# retry_after, and the caller reads e.retry_after and e.status.
import asyncio


class ApiError(Exception):
    def __init__(self, status, retry_after=0.0, message=""):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.retry_after = retry_after


class RateLimited(ApiError):
    pass


class FakeServer:
    def __init__(self, script):
        self.script = list(script)
        self.calls = 0

    async def call(self, path):
        self.calls += 1
        await asyncio.sleep(0.01)
        outcome = self.script.pop(0) if self.script else 200
        if outcome == 429:
            raise RateLimited(429, retry_after=0.05, message="slow down")
        if outcome >= 500:
            raise ApiError(outcome, message="server error")
        return {"path": path, "status": outcome}


async def with_retries(server, path, attempts=4, backoff=0.02):
    for attempt in range(attempts):
        try:
            return await server.call(path)
        except RateLimited as e:
            await asyncio.sleep(e.retry_after)
        except ApiError as e:
            if e.status == 503 and attempt < attempts - 1:
                await asyncio.sleep(backoff * 2 ** attempt)
                continue
            raise
    raise ApiError(0, message="gave up")


async def main():
    a = FakeServer([429, 503, 200])
    b = FakeServer([500])
    c = FakeServer([503, 503, 503, 503])
    results = await asyncio.gather(
        with_retries(a, "/a"), with_retries(b, "/b"), with_retries(c, "/c"),
        return_exceptions=True,
    )
    failed = [r for r in results if isinstance(r, ApiError)]
    statuses = sorted(e.status for e in failed)
    await asyncio.sleep(0.01 * sum(statuses) / 503)
    print(statuses, [str(r) for r in results])


if __name__ == "__main__":
    asyncio.run(main())
