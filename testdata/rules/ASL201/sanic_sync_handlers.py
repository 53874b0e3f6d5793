# Sanic calls a route handler or middleware, sync or async, on its event
# loop and awaits the result only when it is awaitable (sanic/app.py
# handle_request: `response = handler(request, ...)`, then `if
# isawaitable(response): response = await response`; the Sanic guide,
# "Handlers": a synchronous handler's `time.sleep(0.1)` holds every request
# of the worker). So do a class-based view's verb methods. Flask's
# handlers (a WSGI server's threads) and coroutines stay quiet.
import time

import requests
from flask import Flask
from sanic import Blueprint, Sanic
from sanic.response import text
from sanic.views import HTTPMethodView

app = Sanic("shop")
bp = Blueprint("catalog")
wsgi = Flask(__name__)


def price_of(sku):
    return requests.get(f"https://prices.example.com/{sku}").json()["price"]


@app.get("/sync")
def sync_handler(request):
    time.sleep(0.1)  # want: ASL201 "`time.sleep\(\)` blocks the event loop in `sync_handler`, a synchronous Sanic handler"
    return text("Done.")


@bp.route("/price/<sku>")
def price(request, sku):
    return text(str(price_of(sku)))  # want: ASL201 "it calls blocking `requests.get\(\)`"


@app.middleware("request")
def audit(request):
    requests.post("https://audit.example.com/", json={"path": request.path})  # want: ASL201


class Items(HTTPMethodView):
    def get(self, request, sku):
        return text(str(price_of(sku)))  # want: ASL201

    async def post(self, request, sku):
        return text("ok")  # quiet: a coroutine with nothing blocking


# Quiet.
@app.get("/async")
async def async_handler(request):
    return text("ok")


@wsgi.get("/flask")
def flask_handler():
    time.sleep(0.1)  # a WSGI server's worker thread runs it
    return "ok"


class Plain:
    def get(self, request):
        time.sleep(1)
