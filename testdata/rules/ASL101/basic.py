import asyncio


async def fetch():
    await asyncio.sleep(1)


def run_sync():
    return asyncio.run(fetch())


def deeper():
    return run_sync()


def via_loop():
    loop = asyncio.new_event_loop()
    return loop.run_until_complete(fetch())


def via_runner():
    with asyncio.Runner() as runner:
        return runner.run(fetch())


async def direct():
    asyncio.run(fetch())  # want: ASL101 "`asyncio\.run\(\)` called in coroutine `direct` raises RuntimeError"


async def through_helpers():
    deeper()  # want: ASL101
    via_loop()  # want: ASL101
    via_runner()  # want: ASL101


class Service:
    def load(self):
        return asyncio.run(fetch())

    async def handle(self):
        return self.load()  # want: ASL101


# Quiet: only reached from sync code, module level, or another thread.
def main():
    deeper()


async def offloaded():
    await asyncio.to_thread(run_sync)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, deeper)


async def defines_but_does_not_call():
    def inner():
        asyncio.run(fetch())

    return inner


if __name__ == "__main__":
    asyncio.run(fetch())


def run_anywhere(coro):
    # Quiet: written for both worlds, it checks for a running loop first.
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    raise RuntimeError("use await instead")


def gen_helper():
    yield asyncio.run(fetch())


async def guarded_and_generators():
    run_anywhere(fetch())
    gen_helper()
