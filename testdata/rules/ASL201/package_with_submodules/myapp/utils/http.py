import requests

DEFAULT_TIMEOUT = 10


def get_json(url, **params):
    resp = requests.get(url, params=params, timeout=DEFAULT_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def post_json(url, payload):
    return requests.post(url, json=payload, timeout=DEFAULT_TIMEOUT).json()
