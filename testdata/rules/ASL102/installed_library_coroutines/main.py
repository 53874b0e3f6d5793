# The library's source in the project's environment (.venv) says which of
# its methods are coroutine functions; pylib has no record of somelib.
import somelib
from somelib import Client, SyncClient
from somelib.stubbed import ping, pong


async def main():
    client = Client()
    me = client.get_me()  # want: ASL102 "get_me"
    print(me.id)
    user = await client.get_me()
    print(user.id)
    client.close()
    client.fetch("k")  # want: ASL102
    await client.fetch("k")
    client.describe()
    SyncClient().get_me()
    ping()  # want: ASL102
    await ping()
    pong()
    async for item in client.stream():
        print(item)
    other = await somelib.connect()
    other.get_me()  # want: ASL102
    made = somelib.make_client()
    made.fetch("k")  # want: ASL102
    await made.fetch("k")


def sync_caller():
    from somelib.stubbed import later

    later()  # want: ASL102
