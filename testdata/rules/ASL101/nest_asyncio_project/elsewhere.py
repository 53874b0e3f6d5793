import asyncio


class Session:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.token = self.loop.run_until_complete(asyncio.sleep(0, result="t"))


async def login() -> Session:
    # nest_asyncio is applied by another module of the project, but not
    # necessarily before this runs: only the module that applies it is exempt.
    return Session()  # want: ASL101
