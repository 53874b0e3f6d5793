# requests-async mirrors the requests API with coroutines; projects import it
# under the name `requests`, next to the synchronous one.
import requests as requests_sync
import requests_async as requests


async def detect(host):
    response = await requests.get(host)
    if response.status_code == 200:
        return "PC"
    response = requests.get(host)  # want: ASL102
    if response.status_code == 200:
        return "P"
    return None


async def post(session: requests.Session, url):
    session.post(url)  # want: ASL102
    return await session.get(url)


def fetch_sync(url):
    # Quiet: the synchronous library under its own name.
    return requests_sync.get(url).json()
