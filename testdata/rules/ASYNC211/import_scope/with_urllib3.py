async def pool_calls(pool, url):
    import urllib3  # a function-local import counts as using urllib3

    return pool.request("GET", url)  # want: ASYNC211
