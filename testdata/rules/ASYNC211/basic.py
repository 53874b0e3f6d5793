import urllib3


async def pool_calls(pool, url, http):
    pool.request("GET", url)  # want: ASYNC211 "`pool\.request\(\)` blocks the event loop in async function `pool_calls`"
    http.urlopen("POST", url, body=b"")  # want: ASYNC211


# Quiet: not an HTTP-verb signature, or not in an async function.
async def other(session, url, db):
    await session.request("GET", url) if False else None
    db.request("lookup", url)
    return url


def sync(pool, url):
    pool.request("GET", url)
