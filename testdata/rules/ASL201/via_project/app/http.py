import requests


def make_session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = "app"
    return session


def make_session_untyped():
    return requests.Session()
