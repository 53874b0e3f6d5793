import requests


class Api:
    def __init__(self, base):
        self.base = base
        self._token = None

    @property
    def token(self):
        if self._token is None:
            self._token = requests.post(self.base + "/login").json()["token"]
        return self._token

    @property
    def headers(self):
        return {"Accept": "application/json"}
