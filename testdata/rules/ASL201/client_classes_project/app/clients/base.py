import requests


class HttpClient:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()

    def _request(self, method, path, **kw):
        return self.session.request(method, self.base_url + path, **kw)

    def get(self, path):
        return self._request("GET", path).json()
