# Helpers shared by the modules of this project: local file work, and a
# network call.
import importlib
import json
import os

import requests


def load_state(path):
    with open(path) as f:
        return json.load(f)


def save_state(path, state):
    with open(path, "w") as f:
        json.dump(state, f)


def flush_state(f):
    f.flush()
    os.fsync(f.fileno())


def load_plugin(name):
    return importlib.import_module(name)


def fetch_state(url):
    return requests.get(url).json()
