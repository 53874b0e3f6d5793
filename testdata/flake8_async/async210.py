# upstream: tests/eval_files/async210.py @ 1ade92f0427a9950b8299789e0d05f877af876e0
# codes: ASYNC210
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import urllib

import httpx
import httpx2
import requests
import urllib3


async def http_calls(url):
    requests.get(url)  # want: ASYNC210
    requests.get(...)  # want: ASYNC210
    requests.get
    print(requests.get(url))  # want: ASYNC210
    print(requests.get(requests.get(url)))  # want: ASYNC210, ASYNC210

    requests.options(url)  # want: ASYNC210
    requests.head(url)  # want: ASYNC210
    requests.post(url)  # want: ASYNC210
    requests.put(url)  # want: ASYNC210
    requests.patch(url)  # want: ASYNC210
    requests.delete(url)  # want: ASYNC210
    requests.unknown(url)

    httpx.options(url)  # want: ASYNC210
    httpx.head(url)  # want: ASYNC210
    httpx.post(url)  # want: ASYNC210
    httpx.put(url)  # want: ASYNC210
    httpx.patch(url)  # want: ASYNC210
    httpx.delete(url)  # want: ASYNC210
    httpx.unknown(url)

    httpx2.get(url)  # want: ASYNC210
    httpx2.options(url)  # want: ASYNC210
    httpx2.head(url)  # want: ASYNC210
    httpx2.post(url)  # want: ASYNC210
    httpx2.put(url)  # want: ASYNC210
    httpx2.patch(url)  # want: ASYNC210
    httpx2.delete(url)  # want: ASYNC210
    httpx2.request("GET", url)  # want: ASYNC210
    httpx2.unknown(url)

    urllib3.request("GET", url)  # want: ASYNC210
    urllib3.request(...)  # want: ASYNC210
    request(url)

    urllib.request.urlopen(url)  # want: ASYNC210
    request.urlopen(url)  # differs: ASYNC210 -- `request` is bound nowhere: not a module name, a NameError
    urlopen(url)  # differs: ASYNC210 -- `urlopen` is bound nowhere: a NameError, not urllib's

    cache = {}
    cache.get("a dict, not an HTTP client")
