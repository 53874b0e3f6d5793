# The asyncio twins of the market and chain clients return coroutines:
# ccxt.async_support's and ccxt.pro's exchanges, AsyncWeb3's eth module,
# solana-py's AsyncClient, ib_insync's *Async methods and
# clickhouse-connect's async client. A call without await does nothing.
import ccxt.async_support as ccxt_async
import ccxt.pro
import clickhouse_connect
from ib_insync import IB
from solana.rpc.async_api import AsyncClient
from web3 import AsyncWeb3


async def place(symbol, amount):
    exchange = ccxt_async.binance()
    exchange.create_market_buy_order(symbol, amount)  # want: ASL102


async def watch(symbol):
    exchange = ccxt.pro.binance()
    exchange.watch_order_book(symbol)  # want: ASL102


async def send(raw):
    w3 = AsyncWeb3(AsyncWeb3.AsyncHTTPProvider("http://localhost:8545"))
    w3.eth.send_raw_transaction(raw)  # want: ASL102


async def airdrop(pubkey):
    client = AsyncClient("https://api.devnet.solana.com")
    client.request_airdrop(pubkey, 1_000_000_000)  # want: ASL102


async def qualify(contract):
    ib = IB()
    ib.qualifyContractsAsync(contract)  # want: ASL102


async def insert(rows):
    client = await clickhouse_connect.get_async_client(host="ch")
    client.insert("events", rows)  # want: ASL102


# Quiet: awaited, and the synchronous twin in sync code.

async def awaited(symbol):
    exchange = ccxt_async.binance()
    await exchange.fetch_ticker(symbol)
    await exchange.close()


def sync_side(contract):
    ib = IB()
    return ib.qualifyContracts(contract)
