# Quiet: without urllib3 in the module, a `.request("GET", ...)` of an unknown
# object is not assumed to be a urllib3 pool (flake8-async's condition).
async def api_call(client, url):
    return client.request("GET", url)
