import json
import urllib.request

import requests
from aiohttp import web

routes = web.RouteTableDef()
session = requests.Session()


@routes.get("/weather/{city}")
async def weather(request):
    city = request.match_info["city"]
    r = requests.get(f"https://api.example.com/{city}", timeout=5)  # want: ASYNC210
    return web.json_response(r.json())


@routes.post("/hook")
async def hook(request):
    payload = await request.json()
    with requests.Session() as s:
        s.post("https://example.com/hook", json=payload)  # want: ASYNC210
    session.put("https://example.com/audit", data=payload)  # want: ASYNC210
    return web.Response(text="ok")


async def fetch_json(url):
    with urllib.request.urlopen(url) as resp:  # want: ASYNC210
        return json.load(resp)


async def status(url):
    return requests.head(url).status_code  # want: ASYNC210


class Api:
    def __init__(self):
        self.http = requests.Session()

    async def me(self):
        return self.http.get("https://example.com/me").json()  # want: ASYNC210


app = web.Application()
app.add_routes(routes)
