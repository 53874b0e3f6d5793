import util
from util import Client


async def main():
    await util.reconnect()  # quiet: plugins.py rebinds util.reconnect
    await util.version()  # quiet: conftest.py patches "util.version"
    await util.status()  # want: ASL110 "status"
    client = Client()
    await client.fetch()  # quiet: plugins.py assigns Client.fetch
    await client.close()  # quiet: conftest.py's monkeypatch.setattr(Client, "close", ...)
    await client.ping()  # want: ASL110 "Client.ping"
