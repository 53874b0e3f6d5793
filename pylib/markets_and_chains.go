package pylib

// Market data, trading and blockchain clients that trading bots and
// dashboards call from coroutines (libcov22b): yfinance, ccxt's
// synchronous exchanges (its `ccxt.async_support` and `ccxt.pro`
// exchanges are the asyncio twins), web3.py's Web3 (AsyncWeb3 the twin),
// solana-py's Client (AsyncClient the twin), ib_insync's IB (its `*Async`
// methods the twins) and clickhouse-connect's client. Each synchronous
// call is an HTTP (or socket) round trip on the calling thread.

const (
	yfinanceAlt = "run it in a worker thread: `await asyncio.to_thread(ticker.history, period=\"1mo\")` " +
		"(yfinance has no asyncio API)"
	ccxtAlt = "use ccxt's asyncio exchanges (`import ccxt.async_support as ccxt`; `await exchange.fetch_ticker(...)`) " +
		"or `await asyncio.to_thread(...)`"
	web3Alt   = "use `AsyncWeb3(AsyncWeb3.AsyncHTTPProvider(url))` and await its calls, or `await asyncio.to_thread(...)`"
	solanaAlt = "use `solana.rpc.async_api.AsyncClient` and await its calls, or `await asyncio.to_thread(...)`"
	ibAlt     = "await the `*Async` twin (`await ib.reqHistoricalDataAsync(...)`, `await ib.connectAsync(...)`): the " +
		"synchronous IB methods run the event loop themselves until the answer comes"
	clickhouseConnectAlt = "use clickhouse-connect's asyncio client (`client = await clickhouse_connect.get_async_client(...)`; " +
		"`await client.query(...)`) or `await asyncio.to_thread(...)`"
)

var (
	// ccxt's unified API (the ccxt Manual, "Unified API"; each exchange
	// class implements it over its REST endpoints), in both spellings the
	// Python package exports.
	ccxtUnified = []string{"load_markets", "fetch_markets", "fetch_currencies", "fetch_ticker", "fetch_tickers",
		"fetch_order_book", "fetch_ohlcv", "fetch_trades", "fetch_balance", "create_order", "create_limit_order",
		"create_market_order", "create_limit_buy_order", "create_limit_sell_order", "create_market_buy_order",
		"create_market_sell_order", "edit_order", "cancel_order", "cancel_all_orders", "fetch_order", "fetch_orders",
		"fetch_open_orders", "fetch_closed_orders", "fetch_my_trades", "fetch_positions", "fetch_position",
		"fetch_deposit_address", "fetch_deposits", "fetch_withdrawals", "withdraw", "transfer", "fetch_funding_rate",
		"fetch_funding_rates", "set_leverage", "set_margin_mode", "fetch_status", "fetch_time", "fetch_ledger",
		"loadMarkets", "fetchMarkets", "fetchCurrencies", "fetchTicker", "fetchTickers", "fetchOrderBook", "fetchOHLCV",
		"fetchTrades", "fetchBalance", "createOrder", "createLimitOrder", "createMarketOrder", "createLimitBuyOrder",
		"createLimitSellOrder", "createMarketBuyOrder", "createMarketSellOrder", "editOrder", "cancelOrder",
		"cancelAllOrders", "fetchOrder", "fetchOrders", "fetchOpenOrders", "fetchClosedOrders", "fetchMyTrades",
		"fetchPositions", "fetchPosition", "fetchDepositAddress", "fetchDeposits", "fetchWithdrawals",
		"fetchFundingRate", "fetchFundingRates", "setLeverage", "setMarginMode", "fetchStatus", "fetchTime",
		"fetchLedger"}
	ccxtProWatches = []string{"watch_ticker", "watch_tickers", "watch_order_book", "watch_trades", "watch_ohlcv",
		"watch_orders", "watch_balance", "watch_my_trades", "watch_positions", "watchTicker", "watchTickers",
		"watchOrderBook", "watchTrades", "watchOHLCV", "watchOrders", "watchBalance", "watchMyTrades", "watchPositions"}

	// web3.py's Eth module methods that ask the node (web3/eth/eth.py and
	// async_eth.py, v6: snake_case; v5's camelCase spellings of the
	// synchronous ones too). Properties (block_number, gas_price,
	// chain_id) are requests too but attribute reads, not calls.
	web3EthCalls = []string{"get_balance", "get_block", "get_block_number", "get_code", "get_logs", "get_storage_at",
		"get_transaction", "get_transaction_receipt", "wait_for_transaction_receipt", "get_transaction_count",
		"send_transaction", "send_raw_transaction", "call", "estimate_gas", "fee_history", "get_proof",
		"get_block_transaction_count", "get_raw_transaction", "replace_transaction", "get_filter_changes",
		"get_filter_logs", "sign", "sign_transaction"}
	web3EthCallsV5 = []string{"getBalance", "getBlock", "getCode", "getLogs", "getStorageAt", "getTransaction",
		"getTransactionReceipt", "waitForTransactionReceipt", "getTransactionCount", "sendTransaction",
		"sendRawTransaction", "estimateGas", "feeHistory", "getBlockTransactionCount"}

	// ib_insync's IB (ib_insync/ib.py; the same in its fork ib_async):
	// each synchronous request method runs `self._run(self.xxxAsync(...))`,
	// which runs the event loop until the answer arrives (on a running
	// loop that raises, or with nest_asyncio re-enters it and blocks the
	// calling coroutine); the `*Async` methods are the coroutines.
	ibRequests = []string{"connect", "reqHistoricalData", "reqHistoricalTicks", "reqContractDetails",
		"qualifyContracts", "reqTickers", "reqMatchingSymbols", "reqHeadTimeStamp", "reqAccountSummary",
		"reqOpenOrders", "reqAllOpenOrders", "reqExecutions", "reqCompletedOrders", "reqFundamentalData",
		"reqMarketRule", "reqNewsArticle", "reqHistoricalNews", "reqSecDefOptParams", "calculateImpliedVolatility",
		"calculateOptionPrice", "whatIfOrder", "reqCurrentTime", "accountSummary", "reqPositions"}

	// web3.py's ContractFunction methods that ask the node (v6 names, and
	// v5's camelCase spellings of the last two).
	web3ContractCalls = []string{"call", "transact", "estimate_gas", "build_transaction", "estimateGas",
		"buildTransaction"}

	clickhouseConnectCalls = []string{"query", "command", "insert", "query_df", "query_np", "query_arrow",
		"query_df_arrow", "insert_df", "insert_arrow", "raw_query", "raw_insert", "ping"}
)

func init() {
	// yfinance (TickerBase in yfinance/base.py; the project's docs,
	// "Ticker", "Tickers", "download"): constructing a Ticker fetches
	// nothing; history and the get_* accessors request Yahoo's API with a
	// requests (curl_cffi in 0.2.5x) session and wait; download fetches
	// many tickers (in threads, waited for) and returns the frame.
	// get_fast_info returns a lazy object and is not listed.
	for _, typ := range []string{"yfinance.Ticker", "yfinance.ticker.Ticker"} {
		returns(typ, "yfinance.Ticker")
	}
	for _, typ := range []string{"yfinance.Tickers", "yfinance.tickers.Tickers"} {
		returns(typ, "yfinance.Tickers")
	}
	serviceRequests("ASL202", yfinanceAlt, prefixed("yfinance.Ticker.", "history", "option_chain", "get_info",
		"get_news", "get_dividends", "get_splits", "get_actions", "get_financials", "get_income_stmt",
		"get_balance_sheet", "get_cashflow", "get_recommendations", "get_calendar", "get_earnings_dates",
		"get_shares_full", "get_major_holders", "get_institutional_holders", "get_isin")...)
	serviceRequests("ASL202", yfinanceAlt, prefixed("yfinance.Tickers.", "history", "download", "news")...)
	serviceRequests("ASL202", yfinanceAlt, "yfinance.download", "yfinance.multi.download")

	// ccxt: every exchange is a class of the top-level package
	// (`ccxt.binance()`; `getattr(ccxt, name)()` stays untyped), whose unified methods
	// are synchronous requests (ccxt/base/exchange.py fetches with a
	// requests session); `ccxt.async_support.<exchange>` is the asyncio
	// twin ("import ccxt.async_support as ccxt ... await
	// exchange.fetch_ticker"), and `ccxt.pro.<exchange>` adds the
	// watch_* streams, coroutines too. A call of any top-level ccxt class
	// gives an exchange.
	for _, pkg := range []struct{ mod, typ string }{{"ccxt", "ccxt.Exchange"},
		{"ccxt.async_support", "ccxt.async_support.Exchange"}, {"ccxt.pro", "ccxt.pro.Exchange"}} {
		returns(pkg.mod+".*", pkg.typ)
	}
	serviceRequests("ASL202", ccxtAlt, prefixed("ccxt.Exchange.", ccxtUnified...)...)
	coroutineMethods("ccxt.async_support.Exchange", ccxtUnified...)
	coroutineMethods("ccxt.async_support.Exchange", "close")
	coroutineMethods("ccxt.pro.Exchange", ccxtUnified...)
	coroutineMethods("ccxt.pro.Exchange", ccxtProWatches...)
	coroutineMethods("ccxt.pro.Exchange", "close")

	// web3.py: `Web3(Web3.HTTPProvider(url))` sends each JSON-RPC request
	// with requests and waits; `AsyncWeb3(AsyncWeb3.AsyncHTTPProvider(url))`
	// is the asyncio twin, whose eth methods and is_connected are
	// coroutines (web3/main.py, web3/eth/async_eth.py).
	returns("web3.Web3", "web3.Web3")
	returns("web3.main.Web3", "web3.Web3")
	serviceRequests("ASL202", web3Alt, prefixed("web3.Web3.eth.", web3EthCalls...)...)
	serviceRequests("ASL202", web3Alt, prefixed("web3.Web3.eth.", web3EthCallsV5...)...)
	serviceRequests("ASL202", web3Alt, "web3.Web3.is_connected", "web3.Web3.isConnected")
	returns("web3.AsyncWeb3", "web3.AsyncWeb3")
	returns("web3.main.AsyncWeb3", "web3.AsyncWeb3")
	coroutineMethods("web3.AsyncWeb3.eth", web3EthCalls...)
	coroutineMethods("web3.AsyncWeb3", "is_connected")
	// A contract's functions (web3/contract/contract.py and
	// async_contract.py, v6; the docs' "Contracts": `contract =
	// w3.eth.contract(address=..., abi=...)`, then
	// `contract.functions.balanceOf(owner).call()`): `contract.functions.NAME
	// (...)` makes a bound ContractFunction whose call, transact,
	// estimate_gas and build_transaction ask the node (build_transaction
	// fills in the gas and the nonce) with the provider's requests; on an
	// AsyncWeb3 the same chain gives an AsyncContractFunction whose four are
	// coroutines (`await contract.functions.balanceOf(owner).call()`).
	returns("web3.Web3.eth.contract", "web3.contract.Contract")
	returns("web3.contract.Contract.functions.*", "web3.contract.ContractFunction")
	serviceRequests("ASL202", web3Alt, prefixed("web3.contract.ContractFunction.", web3ContractCalls...)...)
	returns("web3.AsyncWeb3.eth.contract", "web3.contract.AsyncContract")
	returns("web3.contract.AsyncContract.functions.*", "web3.contract.AsyncContractFunction")
	coroutineMethods("web3.contract.AsyncContractFunction", web3ContractCalls...)

	// solana-py (solana/rpc/api.py, async_api.py): every method of the
	// synchronous Client is a JSON-RPC request over httpx's sync client
	// (`self._provider.make_request(...)`); every method of AsyncClient is
	// its `async def` twin.
	for _, typ := range []string{"solana.rpc.api.Client"} {
		returns(typ, typ)
		serviceRequestsOfAnyMethod("ASL202", solanaAlt, typ, "commitment")
	}
	returns("solana.rpc.async_api.AsyncClient", "solana.rpc.async_api.AsyncClient")
	coroutinesOfAnyMethod("solana.rpc.async_api.AsyncClient", "commitment")

	// ib_insync / ib_async.
	for _, mod := range []string{"ib_insync", "ib_async"} {
		typ := mod + ".IB"
		returns(typ, typ)
		returns(mod+".ib.IB", typ)
		serviceRequests("ASL202", ibAlt, prefixed(typ+".", ibRequests...)...)
		serviceRequests("ASL202", ibAlt, typ+".sleep", typ+".waitOnUpdate")
		for _, r := range ibRequests {
			coroutineMethods(typ, r+"Async")
		}
	}

	// clickhouse-connect (clickhouse_connect/driver/__init__.py):
	// `get_client`/`create_client` builds an HttpClient, whose constructor
	// asks the server for its version and settings, and whose query,
	// command and insert methods are HTTP requests (urllib3) waited for;
	// `get_async_client`/`create_async_client` is `async def` and gives
	// the AsyncClient, whose methods are coroutines.
	const chSync, chAsync = "clickhouse_connect.driver.Client", "clickhouse_connect.driver.AsyncClient"
	for _, f := range []string{"clickhouse_connect.get_client", "clickhouse_connect.create_client",
		"clickhouse_connect.driver.create_client"} {
		returns(f, chSync)
		serviceRequests("ASL202", clickhouseConnectAlt, f)
	}
	serviceRequests("ASL202", clickhouseConnectAlt, prefixed(chSync+".", clickhouseConnectCalls...)...)
	for _, f := range []string{"clickhouse_connect.get_async_client", "clickhouse_connect.create_async_client",
		"clickhouse_connect.driver.create_async_client"} {
		coroutines(f)
		awaitReturns(f, chAsync)
	}
	coroutineMethods(chAsync, clickhouseConnectCalls...)
	coroutineMethods(chAsync, "close")
}
