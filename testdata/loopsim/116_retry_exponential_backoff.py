# Retry with exponential backoff: the service fails twice, then succeeds.
import asyncio

BASE_DELAY = 0.05


class TransientError(Exception):
    pass


class FlakyService:
    def __init__(self, failures: int):
        self.failures = failures
        self.calls = 0

    async def call(self) -> str:
        self.calls += 1
        await asyncio.sleep(0.02)
        if self.calls <= self.failures:
            raise TransientError(f"attempt {self.calls} failed")
        return "ok"


async def with_retry(service: FlakyService, attempts: int = 3) -> str:
    for attempt in range(attempts):
        try:
            return await service.call()
        except TransientError as exc:
            print("retrying after", exc)
            await asyncio.sleep(2 ** attempt * BASE_DELAY)
    raise RuntimeError("gave up")


async def main():
    print(await with_retry(FlakyService(failures=2)))


if __name__ == "__main__":
    asyncio.run(main())
