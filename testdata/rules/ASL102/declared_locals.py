# A local declared by a bare annotation (`client: "AsyncRedis"`) and
# assigned later holds the declared type, also when the assigned value's
# type is known under another name of the same class.
from redis.asyncio.client import Redis as AsyncRedis
from redis.client import Redis


def reconnect(url, is_cluster):
    aredis_client: "AsyncRedis"
    aredis_client = AsyncRedis.from_url(url)
    if is_cluster:
        aredis_client.close()  # want: ASL102
    return aredis_client


def declared_unquoted(url):
    client: AsyncRedis
    client = make_client(url)
    client.close()  # want: ASL102


def declared_sync(url):
    # Quiet: the declaration says the synchronous client.
    client: Redis
    client = make_client(url)
    client.close()


def make_client(url):
    return None
