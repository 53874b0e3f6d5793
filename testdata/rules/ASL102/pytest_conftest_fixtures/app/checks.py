# Quiet: the package's own code. A `test*` function outside a test module
# (test_*.py, *_test.py) is not collected by pytest; its callers pass
# `client` themselves, whatever the root conftest.py's fixture is.
async def test_connection(client):
    resp = client.post("/ping")
    return resp.ok
