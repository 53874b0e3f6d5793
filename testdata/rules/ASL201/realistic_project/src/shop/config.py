import json
import os
import time
from functools import lru_cache


def _read_json(path: str) -> dict:
    with open(path) as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def load_settings() -> dict:
    path = os.environ.get("SHOP_SETTINGS", "settings.json")
    return _read_json(path)


def env_flag(name: str, default: bool = False) -> bool:
    # Pure: no I/O.
    value = os.environ.get(name)
    return default if value is None else value.lower() in {"1", "true"}


def wait_for_db(retries: int = 3) -> None:
    for _ in range(retries):
        time.sleep(1)


def build_dsn(host: str, port: int) -> str:
    return f"postgresql://{host}:{port}/shop"
