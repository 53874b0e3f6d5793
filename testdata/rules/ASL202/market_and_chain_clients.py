# yfinance, ccxt's synchronous exchanges, web3.py's Web3, solana-py's
# Client, ib_insync's synchronous IB methods and clickhouse-connect's
# client wait for the remote service on the calling thread. Receivers are
# typed from the libraries' constructors and factories, never from the
# method names; the asyncio twins (ccxt.async_support, AsyncWeb3,
# AsyncClient, the *Async methods, get_async_client) awaited are quiet.
import asyncio

import ccxt
import ccxt.async_support as ccxt_async
import clickhouse_connect
import yfinance as yf
from ib_insync import IB
from solana.rpc.api import Client
from solana.rpc.async_api import AsyncClient
from web3 import AsyncWeb3, Web3


async def price(symbol: str):
    exchange = ccxt.binance({"enableRateLimit": True})
    return exchange.fetch_ticker(symbol)["last"]  # want: ASL202


async def candles(symbol: str):
    exchange = ccxt.kraken()
    return exchange.fetchOHLCV(symbol, "1h")  # want: ASL202


async def stock_history(symbol: str):
    return yf.Ticker(symbol).history(period="1mo")  # want: ASL202


async def many(symbols):
    return yf.download(symbols, period="5d")  # want: ASL202


async def eth_balance(address: str):
    w3 = Web3(Web3.HTTPProvider("http://localhost:8545"))
    return w3.eth.get_balance(address)  # want: ASL202


async def sol_balance(pubkey):
    client = Client("https://api.mainnet-beta.solana.com")
    return client.get_balance(pubkey).value  # want: ASL202


async def bars(contract):
    ib = IB()
    ib.connect("127.0.0.1", 7497, clientId=1)  # want: ASL202
    return ib.reqHistoricalData(contract, endDateTime="", durationStr="1 D", barSizeSetting="1 min",  # want: ASL202
                                whatToShow="TRADES", useRTH=True)


async def events(day: str):
    client = clickhouse_connect.get_client(host="ch")  # want: ASL202
    return client.query("SELECT * FROM events WHERE day = {d:String}", parameters={"d": day})  # want: ASL202


def last_prices(symbols):
    exchange = ccxt.kraken()
    return {s: exchange.fetch_ticker(s)["last"] for s in symbols}


async def refresh(symbols):
    return last_prices(symbols)  # want: ASL201


# Quiet: the asyncio twins awaited, offloaded calls, plain functions, and
# other classes' methods of the same names.

async def async_price(symbol: str):
    exchange = ccxt_async.binance()
    try:
        return await exchange.fetch_ticker(symbol)
    finally:
        await exchange.close()


async def async_eth(address: str):
    w3 = AsyncWeb3(AsyncWeb3.AsyncHTTPProvider("http://localhost:8545"))
    return await w3.eth.get_balance(address)


async def async_sol(pubkey):
    async with AsyncClient("https://api.mainnet-beta.solana.com") as client:
        return (await client.get_balance(pubkey)).value


async def async_bars(contract):
    ib = IB()
    await ib.connectAsync("127.0.0.1", 7497, clientId=1)
    return await ib.reqHistoricalDataAsync(contract, endDateTime="", durationStr="1 D", barSizeSetting="1 min",
                                           whatToShow="TRADES", useRTH=True)


async def async_events():
    client = await clickhouse_connect.get_async_client(host="ch")
    return await client.query("SELECT 1")


async def offloaded(symbols):
    return await asyncio.to_thread(last_prices, symbols)


async def offloaded_history(symbol: str):
    ticker = yf.Ticker(symbol)
    return await asyncio.to_thread(ticker.history, period="1mo")


def sync_balance(address: str):
    return Web3(Web3.HTTPProvider("http://localhost:8545")).eth.get_balance(address)


class Feed:
    def fetch_ticker(self, symbol):
        return symbol

    def history(self, period):
        return period

    def query(self, q):
        return q


async def others(feed: Feed):
    feed.fetch_ticker("BTC/USDT")
    feed.query("x")
    return feed.history("1mo")
