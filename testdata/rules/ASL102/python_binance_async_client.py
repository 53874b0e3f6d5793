# python-binance's AsyncClient has the synchronous Client's method names as
# coroutines: `client = await AsyncClient.create(...)`, then every request
# is awaited (its README's async example; close_connection too). Receivers
# are typed from the constructor and the awaited `create`, never from the
# method names.
import asyncio

from binance import AsyncClient, Client


async def balances(key, secret):
    client = await AsyncClient.create(key, secret)
    account = client.get_account()  # want: ASL102
    print(account["balances"])
    client.close_connection()  # want: ASL102


class Trader:
    def __init__(self, client: AsyncClient):
        self.client = client

    async def buy(self, symbol, qty):
        self.client.order_market_buy(symbol=symbol, quantity=qty)  # want: ASL102

    async def klines(self, symbol):
        async for k in self.client.get_historical_klines_generator(symbol, "1m", "1 day ago UTC"):  # want: ASL102
            print(k)


# Quiet: awaited, the generator awaited first, or the synchronous Client
# (blocking, ASL202's business, not a coroutine).


async def fine(key, secret, symbol):
    client = await AsyncClient.create(key, secret)
    try:
        await client.get_symbol_ticker(symbol=symbol)
        async for k in await client.get_historical_klines_generator(symbol, "1m", "1 day ago UTC"):
            print(k)
        await asyncio.gather(client.get_account(), client.futures_account())
    finally:
        await client.close_connection()


def sync_prices():
    client = Client("k", "s")
    return client.get_all_tickers()
