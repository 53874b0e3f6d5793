import httpx

client = httpx.AsyncClient(base_url="https://api.example.com")
