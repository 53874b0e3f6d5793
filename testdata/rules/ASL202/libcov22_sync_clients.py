# Sync requests of the libraries the twenty-second session's library audit
# added (docs/pylib-coverage.md, libcov22): each blocks the loop's thread
# (or refuses to run in it). Quiet: the async twins awaited, the sync calls
# in sync code, same-named methods of other objects.
from gql import Client, gql


async def graphql(transport, text):
    client = Client(transport=transport)
    return client.execute(gql(text))  # want: ASL202 "execute_async"


class Api:
    def __init__(self, transport):
        self.gql = Client(transport=transport)

    async def batch(self, requests):
        return self.gql.execute_batch(requests)  # want: ASL202


# Quiet.
async def graphql_awaited(client: Client, text):
    async with client as session:
        await session.execute(gql(text))
    return await client.execute_async(gql(text))


def graphql_sync(client: Client, text):
    return client.execute(gql(text))


async def other_execute(cursor, text):
    cursor.execute(text)


# ODMantic's SyncEngine (PyMongo) in a coroutine; AIOEngine awaited.
from odmantic import AIOEngine, SyncEngine


class Store:
    def __init__(self):
        self.engine = SyncEngine()
        self.aio = AIOEngine()

    async def save(self, item):
        self.engine.save(item)  # want: ASL202 "AIOEngine"

    async def save_async(self, item):
        await self.aio.save(item)

    def save_sync(self, item):
        self.engine.save(item)
