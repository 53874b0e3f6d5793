import asyncio

import aiohttp
from fastapi import FastAPI

app = FastAPI()
loop = asyncio.get_event_loop()


async def fetch_price(symbol):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"https://api.example.com/{symbol}") as r:
            return await r.json()


def get_price(symbol):
    return asyncio.run(fetch_price(symbol))


def get_price_loop(symbol):
    return loop.run_until_complete(fetch_price(symbol))


def get_price_legacy(symbol):
    return asyncio.get_event_loop().run_until_complete(fetch_price(symbol))


def get_prices(symbols):
    return [get_price(s) for s in symbols]


@app.get("/price/{symbol}")
async def price(symbol: str):
    return {"price": get_price(symbol)}  # want: ASL101


@app.get("/prices")
async def prices(symbols: str):
    return get_prices(symbols.split(","))  # want: ASL101


@app.get("/legacy/{symbol}")
async def legacy(symbol: str):
    a = get_price_loop(symbol)  # want: ASL101
    b = get_price_legacy(symbol)  # want: ASL101
    return {"a": a, "b": b}


@app.get("/sync/{symbol}")
def sync_price(symbol: str):
    return {"price": get_price(symbol)}


async def offloaded(symbol):
    return await asyncio.to_thread(get_price, symbol)


if __name__ == "__main__":
    print(get_price("AAPL"))
