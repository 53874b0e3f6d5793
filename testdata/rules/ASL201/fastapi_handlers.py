# config: asl201-local-files = true  # mechanics shown with local-file sinks
import json
import sqlite3
import time

import requests
from fastapi import FastAPI

app = FastAPI()


def get_db():
    return sqlite3.connect("app.db")


def fetch_user(user_id):
    r = requests.get(f"https://api.example.com/users/{user_id}")
    return r.json()


def enrich(user):
    user["repos"] = fetch_user(user["id"])["repos"]
    return user


def load_settings(path="settings.json"):
    with open(path) as f:
        return json.load(f)


def wait_for_rate_limit():
    time.sleep(1)


class UserService:
    def get(self, user_id):
        wait_for_rate_limit()
        return fetch_user(user_id)

    @staticmethod
    def ping():
        return requests.get("https://api.example.com/ping").ok


service = UserService()


@app.get("/users/{user_id}")
async def read_user(user_id: int):
    user = fetch_user(user_id)  # want: ASL201 "and 1 more call in .read_user. reaches it: .* line 51\)"
    return enrich(user)


@app.get("/settings")
async def settings():
    return load_settings()  # want: ASL201


@app.get("/svc/{user_id}")
async def via_service(user_id: int):
    UserService.ping()  # want: ASL201
    return service.get(user_id)  # want: ASL201


@app.get("/ok/{user_id}")
async def ok(user_id: int):
    import asyncio

    user = await asyncio.to_thread(fetch_user, user_id)
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, load_settings)
    later = lambda: enrich(user)
    return {"user": user, "data": data, "later": later}
