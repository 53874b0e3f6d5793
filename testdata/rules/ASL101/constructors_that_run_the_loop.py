import asyncio


async def load_tokens():
    await asyncio.sleep(0)
    return ["a"]


class Client:
    def __init__(self):
        self.loop = asyncio.get_event_loop()
        self.tokens = self.loop.run_until_complete(load_tokens())

    def refresh(self):
        self.tokens = self.loop.run_until_complete(load_tokens())


class Poller:
    def __init__(self):
        self.tokens = asyncio.run(load_tokens())


async def main():
    client = Client()  # want: ASL101
    client.refresh()  # want: ASL101
    poller = Poller()  # want: ASL101
    return client, poller


def sync_main():
    return Client(), Poller()
