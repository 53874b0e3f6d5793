# A dict bound to an empty mapping and filled one value at a time, then
# iterated through its views: `d.values()` and the value of `d.items()` are
# the values stored, as an item read of it is (realbugs83 Nexus Alpha:
# `self.exchanges = {}` in __init__, `self.exchanges['okx'] = ccxt.okx(...)`
# and two more synchronous exchanges, then `for exchange_name, exchange in
# self.exchanges.items(): ticker = exchange.fetch_ticker(symbol)` inside
# `async def get_live_data`). The keys are not followed.
import ccxt
import ccxt.async_support as ccxt_async


class LiveDataEngine:
    def __init__(self):
        self.exchanges = {}
        try:
            self.exchanges["okx"] = ccxt.okx({"enableRateLimit": True})
            self.exchanges["binance"] = ccxt.binance({"enableRateLimit": True})
        except Exception:
            pass

    async def get_live_data(self, symbols):
        results = {}
        for symbol in symbols:
            for exchange_name, exchange in self.exchanges.items():
                results[symbol] = exchange.fetch_ticker(symbol)  # want: ASL202
        return results

    async def balances(self):
        return [exchange.fetch_balance() for exchange in self.exchanges.values()]  # want: ASL202


async def local_registry(symbol):
    exchanges = {}
    exchanges["kraken"] = ccxt.kraken()
    for _, exchange in exchanges.items():
        exchange.fetch_ohlcv(symbol, "1h")  # want: ASL202


# Quiet: the values stored disagree, the mapping may hold anything else, or
# the loop reads the keys.


class Mixed:
    def __init__(self, other):
        self.mixed_exchanges = {}
        self.mixed_exchanges["okx"] = ccxt.okx()
        self.mixed_exchanges["other"] = other

    async def tickers(self, symbol):
        for exchange in self.mixed_exchanges.values():
            exchange.fetch_ticker(symbol)


class HandedOut:
    def __init__(self, registry):
        self.handed_exchanges = {}
        self.handed_exchanges["okx"] = ccxt.okx()
        registry.register(self.handed_exchanges)

    async def tickers(self, symbol):
        for exchange in self.handed_exchanges.values():
            exchange.fetch_ticker(symbol)


class AsyncTwins:
    def __init__(self):
        self.async_exchanges = {}
        self.async_exchanges["okx"] = ccxt_async.okx()

    async def tickers(self, symbol):
        for _, exchange in self.async_exchanges.items():
            await exchange.fetch_ticker(symbol)


async def keys_only(symbol):
    exchanges = {}
    exchanges["okx"] = ccxt.okx()
    for name, _ in exchanges.items():
        name.upper()
