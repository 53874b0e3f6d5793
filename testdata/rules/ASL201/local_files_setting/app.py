# asl201-local-files = false: the project keeps its configuration and
# state files synchronous by design; chains through helpers that end in
# local file work are left out, the others are still reported.
import importlib
import json
import sqlite3
import subprocess
import time

import psycopg2
import requests


def load_state(path):
    with open(path) as f:
        return json.load(f)


def save_state(path, state):
    with open(path, "w") as f:
        json.dump(state, f)


def load_plugin(name):
    return importlib.import_module(name)


def load_rows(path):
    conn = sqlite3.connect(path)
    return conn.execute("SELECT * FROM state").fetchall()


def load_remote_rows(dsn):
    conn = psycopg2.connect(dsn)
    return conn.cursor().execute("SELECT * FROM state")


def fetch_state(url):
    return requests.get(url).json()


def settle():
    time.sleep(1.0)


def run_hook(cmd):
    return subprocess.run(cmd, check=True)


def state_then_fetch(path, url):
    state = load_state(path)
    return state, fetch_state(url)


# Quiet: local file work, imports and an sqlite file through helpers.
async def on_change(path, state):
    save_state(path, state)
    return load_state(path), load_plugin("app.plugins.extra"), load_rows(path)


# Fires: a database server is a round trip, not a local file.
async def on_remote(dsn):
    return load_remote_rows(dsn)  # want: ASL201 "it calls blocking `psycopg2\.connect\(\)`"


# Fires: the network, a sleep and a subprocess wait are still followed, also
# past a local load in the same helper.
async def on_sync(path, url, cmd):
    remote = fetch_state(url)  # want: ASL201 "`fetch_state\(\)` blocks the event loop in async function `on_sync`: it calls blocking `requests\.get\(\)`"
    settle()  # want: ASL201
    run_hook(cmd)  # want: ASL201
    return remote


async def on_pull(path, url):
    return state_then_fetch(path, url)  # want: ASL201 "it reaches blocking `requests\.get\(\)` via state_then_fetch\(\) -> fetch_state\(\) -> requests\.get\(\)"
