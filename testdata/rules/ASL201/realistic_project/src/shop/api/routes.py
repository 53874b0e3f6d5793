import asyncio
from typing import Optional

from fastapi import APIRouter

from shop import load_settings, read_blob
from shop.config import build_dsn, env_flag, wait_for_db
from shop.services.pricing import PriceService, convert, fetch_rates as get_rates
from shop.storage import BlobStore
from .. import storage

router = APIRouter()
prices = PriceService()
store = BlobStore()


@router.get("/settings")
async def settings():
    return load_settings()  # want: ASL201


@router.get("/blob/{key}")
async def blob(key: str):
    data = read_blob(key)  # want: ASL201
    return {"size": len(data), "url": store.url(key)}


@router.get("/blob2/{key}")
async def blob2(key: str, backend: Optional[BlobStore] = None):
    backend = backend or store
    return backend.get(key)  # want: ASL201


@router.get("/price")
async def price(amount: float, currency: str = "EUR"):
    return {"price": prices.price(amount, currency)}  # want: ASL201


@router.get("/raw-rates")
async def raw_rates():
    rates = get_rates()  # want: ASL201
    return rates


async def startup() -> None:
    wait_for_db()  # want: ASL201
    storage.read_blob("warmup")  # want: ASL201


# Quiet cases: pure helpers, helpers run in threads, sync callers.
@router.get("/pure")
async def pure(amount: float):
    dsn = build_dsn("db", 5432)
    debug = env_flag("DEBUG")
    return {"dsn": dsn, "debug": debug, "eur": convert(amount, "EUR", {"EUR": 1.0}), "d": prices.discount(amount)}


@router.get("/threaded")
async def threaded():
    rates = await asyncio.to_thread(get_rates)
    settings = await asyncio.get_running_loop().run_in_executor(None, load_settings)
    blob = await asyncio.to_thread(lambda: read_blob("x"))
    return rates, settings, blob


def cli_report() -> dict:
    return {"rates": get_rates(), "settings": load_settings()}


if __name__ == "__main__":
    print(cli_report())


def sync_to_async(fn):
    async def wrapper(*args):
        return await asyncio.to_thread(fn, *args)

    return wrapper


@sync_to_async
def load_settings_async() -> dict:
    return load_settings()


async def decorated_helper():
    # Quiet: the decorator made the helper awaitable; its body runs in a thread.
    settings = await load_settings_async()
    both = await asyncio.gather(load_settings_async(), load_settings_async())
    return settings, both
