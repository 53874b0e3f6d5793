# python-binance's synchronous Client sends every API call through a
# requests.Session; its AsyncClient is the asyncio twin.
import asyncio

from binance import AsyncClient, Client


class Trader:
    def __init__(self, key, secret):
        self.client = Client(key, secret)

    async def price(self, symbol):
        ticker = self.client.futures_symbol_ticker(symbol=symbol)  # want: ASL202 "use python-binance's `AsyncClient`"
        return float(ticker["price"])

    async def buy(self, symbol, qty):
        return self.client.create_order(symbol=symbol, side="BUY", type="MARKET", quantity=qty)  # want: ASL202

    # Quiet: closing the session sends nothing; offloaded calls run in a thread.
    async def close(self):
        self.client.close_connection()

    async def offloaded(self, symbol):
        return await asyncio.to_thread(self.client.get_symbol_ticker, symbol=symbol)


# Quiet: the async client's methods are awaited.
async def async_price(key, secret, symbol):
    client = await AsyncClient.create(key, secret)
    return await client.get_symbol_ticker(symbol=symbol)
