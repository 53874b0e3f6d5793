from .http import Api


async def fetch(api: Api) -> None:
    api.get("https://example.com")  # want: ASYNC210
    # Quiet: a method the project adds, and one it overrides.
    api.token()
    api.post("https://example.com")
