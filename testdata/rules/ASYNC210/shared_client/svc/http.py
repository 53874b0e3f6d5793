import requests

session = requests.Session()
session.headers["User-Agent"] = "svc/1.0"
BASE = "https://api.example.com"


def get_json(path: str) -> dict:
    return session.get(BASE + path).json()
