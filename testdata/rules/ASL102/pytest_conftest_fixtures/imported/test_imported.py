# Quiet: imported/conftest.py's imported (synchronous) `client`.
async def test_post(client):
    response = client.post("/x")
    assert response == "/x"
