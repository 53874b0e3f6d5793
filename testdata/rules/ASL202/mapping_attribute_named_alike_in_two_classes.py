# Two classes of one module each keep `self.exchanges = {}` filled one value
# at a time: `self.exchanges` in the other class's methods is another
# object, so it does not hide what this class stores (review28). A subclass,
# a base, or a class whose own bindings do not make the attribute (a mixin
# using its host's) still may store into the same mapping.
import ccxt
import ccxt.async_support as ccxt_async


class SyncEngine:
    def __init__(self):
        self.exchanges = {}
        self.exchanges["okx"] = ccxt.okx()

    async def tickers(self, symbol):
        for exchange in self.exchanges.values():
            exchange.fetch_ticker(symbol)  # want: ASL202


class AsyncEngine:
    def __init__(self):
        self.exchanges = {}
        self.exchanges["okx"] = ccxt_async.okx()

    async def tickers(self, symbol):
        for exchange in self.exchanges.values():
            await exchange.fetch_ticker(symbol)


class Registry:
    def __init__(self):
        self.markets = {}
        self.markets["okx"] = ccxt.okx()

    async def tickers(self, symbol):
        # Quiet: the subclass stores an unknown value into the same mapping.
        for market in self.markets.values():
            market.fetch_ticker(symbol)


class PluggableRegistry(Registry):
    def __init__(self, extra):
        super().__init__()
        self.markets = {}
        self.markets["extra"] = extra


class RegistryMixin:
    def plug(self, name, market):
        self.feeds[name] = market


class Feeds:
    def __init__(self):
        self.feeds = {}
        self.feeds["okx"] = ccxt.okx()

    async def tickers(self, symbol):
        # Quiet: a mixin's methods store into `self.feeds` without binding it.
        for feed in self.feeds.values():
            feed.fetch_ticker(symbol)
