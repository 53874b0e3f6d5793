package pylib

// Client libraries of web services and servers that async applications
// call: the synchronous client's requests block the loop for a network
// round trip (ASL202), and the async twin's are coroutines (ASL102 when not
// awaited). Calling the sync client from a coroutine, or forgetting the
// await on the async one, are the mistakes real projects ship (issue 9's
// "blocking methods of sync libraries"). Only calls that talk to the
// service are listed: constructors that do not connect, query builders,
// cursors that fetch nothing until iterated (`Collection.find`) and local
// helpers (`generate_presigned_url`) are not.

const (
	mongoAlt   = "use PyMongo's `AsyncMongoClient` (or motor) and await it, or `await asyncio.to_thread(...)`"
	awsAlt     = "use aioboto3/aiobotocore and await it, or `await asyncio.to_thread(...)`"
	searchAlt  = "use `elasticsearch.AsyncElasticsearch` and await it, or `await asyncio.to_thread(...)`"
	slackAlt   = "use `slack_sdk.web.async_client.AsyncWebClient` and await it, or `await asyncio.to_thread(...)`"
	sdkAlt     = "use the library's async client and await it, or `await asyncio.to_thread(...)`"
	remoteAlt  = "run it in a thread: `await asyncio.to_thread(...)` (or use an async client: asyncssh, aioftp, aioimaplib)"
	smbAlt     = "run it in a thread: `await asyncio.to_thread(...)` (smbprotocol's smbclient has no asyncio API)"
	rabbitAlt  = "use an asyncio client (aio-pika) and await it, or `await asyncio.to_thread(...)`"
	mistralAlt = "use the `_async` method (`chat.complete_async`) and await it, or `await asyncio.to_thread(...)`"
	stripeAlt  = "use the `_async` method (`stripe.Customer.create_async`) and await it, or `await asyncio.to_thread(...)`"
	binanceAlt = "use python-binance's `AsyncClient` (`await AsyncClient.create(...)`) and await it, or `await asyncio.to_thread(...)`"
)

// Methods of a MongoDB collection and database that run a command on the
// server (find() only builds a cursor).
var (
	mongoCollectionCommands = []string{"find_one", "insert_one", "insert_many", "update_one", "update_many", "replace_one",
		"delete_one", "delete_many", "count_documents", "estimated_document_count", "distinct", "aggregate",
		"find_one_and_delete", "find_one_and_replace", "find_one_and_update", "bulk_write", "create_index",
		"create_indexes", "drop_index", "drop_indexes", "drop", "list_indexes", "index_information", "rename"}
	mongoDatabaseCommands = []string{"command", "list_collection_names", "list_collections", "drop_collection",
		"create_collection", "validate_collection"}
	elasticsearchRequests = []string{"search", "index", "get", "delete", "update", "bulk", "count", "exists", "mget",
		"msearch", "scroll", "clear_scroll", "delete_by_query", "update_by_query", "ping", "info", "create", "get_source",
		"open_point_in_time", "close_point_in_time", "search_template", "termvectors", "explain", "field_caps", "reindex",
		"indices.create", "indices.delete", "indices.exists", "indices.refresh", "indices.put_mapping",
		"indices.get_mapping", "indices.get", "indices.put_settings"}
	slackRequests = []string{"api_call", "chat_postMessage", "chat_update", "chat_delete", "chat_postEphemeral",
		"chat_scheduleMessage", "chat_getPermalink", "conversations_history", "conversations_replies", "conversations_list",
		"conversations_info", "conversations_members", "conversations_open", "conversations_join", "conversations_create",
		"conversations_invite", "users_info", "users_list", "users_lookupByEmail", "users_conversations", "files_upload",
		"files_upload_v2", "files_info", "reactions_add", "reactions_remove", "reactions_get", "views_open", "views_publish",
		"views_update", "views_push", "auth_test", "team_info", "bots_info"}
	ollamaRequests = []string{"chat", "generate", "embed", "embeddings", "pull", "push", "create", "delete", "list",
		"copy", "show", "ps"}
	cohereRequests  = []string{"chat", "chat_stream", "generate", "embed", "rerank", "classify", "tokenize", "detokenize"}
	telebotRequests = []string{"send_message", "send_photo", "send_document", "send_video", "send_audio", "send_voice",
		"send_animation", "send_sticker", "send_location", "send_media_group", "send_chat_action", "reply_to",
		"edit_message_text", "edit_message_caption", "edit_message_media", "edit_message_reply_markup", "delete_message",
		"forward_message", "copy_message", "get_me", "get_chat", "get_chat_member", "get_updates", "get_file",
		"download_file", "answer_callback_query", "answer_inline_query", "set_webhook", "delete_webhook",
		"ban_chat_member", "unban_chat_member", "pin_chat_message", "send_invoice", "set_my_commands"}
	tweepyRequests = []string{"create_tweet", "delete_tweet", "get_tweet", "get_tweets", "get_me", "get_user", "get_users",
		"search_recent_tweets", "search_all_tweets", "get_users_tweets", "get_users_mentions", "get_home_timeline", "like",
		"unlike", "retweet", "unretweet", "follow_user", "unfollow_user", "get_users_followers", "get_users_following"}
	hfHubAlt      = "run it with `await asyncio.to_thread(...)` (huggingface_hub has no asyncio Hub client)"
	hfHubRequests = []string{"model_info", "dataset_info", "space_info", "repo_info", "repo_exists", "file_exists",
		"list_repo_files", "list_repo_refs", "whoami", "hf_hub_download", "snapshot_download", "upload_file",
		"upload_folder", "create_repo", "delete_repo", "create_commit", "get_paths_info", "get_hf_file_metadata"}
	hfInferenceTasks = []string{"chat_completion", "text_generation", "feature_extraction", "sentence_similarity",
		"summarization", "translation", "question_answering", "text_classification", "token_classification",
		"zero_shot_classification", "fill_mask", "image_classification", "automatic_speech_recognition",
		"text_to_image", "text_to_speech"}
	tavilyRequests  = []string{"search", "extract", "crawl", "map", "get_search_context", "qna_search", "get_company_info"}
	stripeResources = []string{"Customer", "PaymentIntent", "SetupIntent", "Subscription", "SubscriptionItem", "Invoice",
		"InvoiceItem", "Charge", "Refund", "Price", "Product", "PaymentMethod", "Account", "Transfer", "Payout", "Coupon",
		"PromotionCode", "Event", "Balance", "BalanceTransaction", "checkout.Session", "billing_portal.Session"}
)

func init() {
	// PyMongo's synchronous client: client.db.coll.find_one() (or
	// client["db"]["coll"]) is a round trip to the server. The asyncio twin,
	// AsyncMongoClient, is in async_libs.go.
	for _, client := range []string{"pymongo.MongoClient", "pymongo.mongo_client.MongoClient"} {
		returns(client, client)
		serviceRequests("ASL202", mongoAlt, prefixed(client+".", "list_database_names", "list_databases", "server_info",
			"drop_database")...)
		serviceRequests("ASL202", mongoAlt, prefixed(client+".*.*.", mongoCollectionCommands...)...)
		serviceRequests("ASL202", mongoAlt, prefixed(client+".*.", mongoDatabaseCommands...)...)
		wildcardRoots = append(wildcardRoots, client)
	}
	for _, db := range []string{"pymongo.database.Database", "pymongo.synchronous.database.Database"} {
		serviceRequests("ASL202", mongoAlt, prefixed(db+".", mongoDatabaseCommands...)...)
		serviceRequests("ASL202", mongoAlt, prefixed(db+".*.", mongoCollectionCommands...)...)
		wildcardRoots = append(wildcardRoots, db)
	}
	for _, coll := range []string{"pymongo.collection.Collection", "pymongo.synchronous.collection.Collection"} {
		serviceRequests("ASL202", mongoAlt, prefixed(coll+".", mongoCollectionCommands...)...)
	}
	// The accessors by name: MongoClient.get_database ("Get a Database with
	// the given name and options") and get_default_database ("Get the
	// database named in the MongoDB connection URI") return a Database,
	// Database.get_collection ("Get a Collection with the given name and
	// options") a Collection (PyMongo API docs, mongo_client and database;
	// pymongo/synchronous/mongo_client.py and database.py). None of them
	// talks to the server; the requests come from the objects they return
	// (TearDrops' economy cog: `db = client.get_database('users_db')`, then
	// `db.list_collection_names()` in every message's coroutine).
	const mongoDB, mongoColl = "pymongo.database.Database", "pymongo.collection.Collection"
	for _, client := range []string{"pymongo.MongoClient", "pymongo.mongo_client.MongoClient"} {
		returns(client+".get_database", mongoDB)
		returns(client+".get_default_database", mongoDB)
	}
	for _, db := range []string{mongoDB, "pymongo.synchronous.database.Database"} {
		returns(db+".get_collection", mongoColl)
	}
	// Collection.find and find_raw_batches return a Cursor, which sends the
	// query on its first iteration and fetches further batches as it goes
	// (PyMongo API docs, cursor: "Iterating over a Cursor" issues getMore
	// as needed): a request where the result is iterated in place
	// (`list(coll.find(q))`, `for d in coll.find(q):`), not at the call.
	var finds []string
	for _, prefix := range []string{"pymongo.MongoClient.*.*.", "pymongo.mongo_client.MongoClient.*.*.", mongoDB + ".*.",
		"pymongo.synchronous.database.Database.*.", mongoColl + ".", "pymongo.synchronous.collection.Collection."} {
		finds = append(finds, prefix+"find", prefix+"find_raw_batches")
	}
	serviceRequests("ASL202", mongoAlt, finds...)
	for _, n := range finds {
		entry(n).Unblock = UnblockedUnlessIterated
	}

	// python-binance's synchronous Client: every API method is an HTTPS
	// request through a requests.Session (binance/client.py: `_init_session`
	// returns `requests.session()`, `_request` calls
	// `getattr(self.session, method)(uri, **kwargs)`); AsyncClient is its
	// aiohttp twin. Not requests: close_connection (closes the session) and
	// the signing and URI helpers (private, or the static uuid22).
	for _, typ := range []string{"binance.Client", "binance.client.Client"} {
		returns(typ, typ)
		serviceRequestsOfAnyMethod("ASL202", binanceAlt, typ, "close_connection", "uuid22")
	}
	// Its AsyncClient has the same method names as `async def`s ("Client
	// and AsyncClient have identical method names. Use await for async", the
	// maintainer's SDK notes; binance/async_client.py, binance/client.py in
	// older releases): `client = await
	// AsyncClient.create(key, secret)` (a coroutine classmethod), then `await
	// client.get_account()`, `await client.close_connection()`. Even
	// get_historical_klines_generator is a coroutine there (`async def`
	// returning the async generator `_historical_klines_generator`: `async
	// for k in await client.get_historical_klines_generator(...)`); the
	// async generator aggregate_trade_iter is not one, nor are the private
	// signing and URI helpers, so only the public API methods bots call are
	// listed, not every method.
	for _, typ := range []string{"binance.AsyncClient", "binance.async_client.AsyncClient", "binance.client.AsyncClient"} {
		returns(typ, "binance.AsyncClient")
		coroutines(typ + ".create")
		awaitReturns(typ+".create", "binance.AsyncClient")
	}
	coroutineMethods("binance.AsyncClient", binanceAsyncClientMethods...)

	// boto3's low-level clients: every operation is an HTTPS request to AWS
	// (`s3.put_object`, `dynamodb.get_item`); the few local helpers are not.
	const botoClient = "botocore.client.BaseClient"
	for _, factory := range []string{"boto3.client", "boto3.Session.client", "boto3.session.Session.client"} {
		returns(factory, botoClient)
	}
	for _, s := range []string{"boto3.Session", "boto3.session.Session"} {
		returns(s, s)
	}
	serviceRequestsOfAnyMethod("ASL202", awsAlt, botoClient, "get_paginator", "get_waiter", "can_paginate",
		"generate_presigned_url", "generate_presigned_post", "close", "meta", "exceptions")

	// Elasticsearch: the sync client's requests, and the async twin's.
	for _, typ := range []string{"elasticsearch.Elasticsearch", "elasticsearch.client.Elasticsearch"} {
		returns(typ, typ)
		serviceRequests("ASL202", searchAlt, prefixed(typ+".", elasticsearchRequests...)...)
	}
	for _, typ := range []string{"elasticsearch.AsyncElasticsearch", "elasticsearch._async.client.AsyncElasticsearch"} {
		returns(typ, typ)
		coroutineMethods(typ, append([]string{"close"}, elasticsearchRequests...)...)
	}

	// Slack's Web API clients.
	for _, typ := range []string{"slack_sdk.WebClient", "slack_sdk.web.WebClient", "slack_sdk.web.client.WebClient",
		"slack.WebClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", slackAlt, prefixed(typ+".", slackRequests...)...)
	}
	for _, typ := range []string{"slack_sdk.web.async_client.AsyncWebClient", "slack_sdk.web.AsyncWebClient"} {
		returns(typ, typ)
		coroutineMethods(typ, slackRequests...)
	}

	// LLM clients besides OpenAI's and Anthropic's (blocking.go,
	// async_libs.go): Groq and Together copy OpenAI's API; Ollama's module
	// functions use a default sync client.
	for _, typ := range []string{"groq.Groq", "together.Together"} {
		returns(typ, typ)
		serviceRequests("ASL202", sdkAlt, prefixed(typ+".", openAIRequests...)...)
	}
	for _, typ := range []string{"groq.AsyncGroq", "together.AsyncTogether"} {
		returns(typ, typ)
		coroutineMethods(typ, openAIRequests...)
	}
	serviceRequests("ASL202", "use `ollama.AsyncClient` and await it, or `await asyncio.to_thread(...)`",
		prefixed("ollama.", ollamaRequests...)...)
	serviceRequests("ASL202", "use `ollama.AsyncClient` and await it, or `await asyncio.to_thread(...)`",
		prefixed("ollama.Client.", ollamaRequests...)...)
	returns("ollama.Client", "ollama.Client")
	returns("ollama.AsyncClient", "ollama.AsyncClient")
	coroutineMethods("ollama.AsyncClient", ollamaRequests...)
	for _, typ := range []string{"cohere.Client", "cohere.ClientV2"} {
		returns(typ, typ)
		serviceRequests("ASL202", sdkAlt, prefixed(typ+".", cohereRequests...)...)
	}
	for _, typ := range []string{"cohere.AsyncClient", "cohere.AsyncClientV2"} {
		returns(typ, typ)
		coroutineMethods(typ, "chat", "generate", "embed", "rerank", "classify", "tokenize", "detokenize")
	}
	// Mistral's one client has both: `chat.complete` and `chat.complete_async`.
	returns("mistralai.Mistral", "mistralai.Mistral")
	serviceRequests("ASL202", mistralAlt, prefixed("mistralai.Mistral.", "chat.complete", "chat.stream", "embeddings.create",
		"fim.complete", "agents.complete")...)
	coroutineMethods("mistralai.Mistral", "chat.complete_async", "chat.stream_async", "embeddings.create_async",
		"fim.complete_async", "agents.complete_async")
	// Google Gen AI's chats (its models and the older google-generativeai
	// are in blocking.go and async_libs.go).
	const genaiClient = "google.genai.Client"
	returns(genaiClient+".chats.create", "google.genai.chats.Chat")
	returns(genaiClient+".aio.chats.create", "google.genai.chats.AsyncChat")
	serviceRequests("ASL202", geminiAlt, "google.genai.chats.Chat.send_message")
	coroutineMethods("google.genai.chats.AsyncChat", "send_message")

	// pyTelegramBotAPI: TeleBot's methods are Bot API requests; AsyncTeleBot's
	// are coroutines.
	for _, typ := range []string{"telebot.TeleBot"} {
		returns(typ, typ)
		serviceRequests("ASL202", "use `telebot.async_telebot.AsyncTeleBot` and await it, or `await asyncio.to_thread(...)`",
			prefixed(typ+".", telebotRequests...)...)
	}
	returns("telebot.async_telebot.AsyncTeleBot", "telebot.async_telebot.AsyncTeleBot")
	coroutineMethods("telebot.async_telebot.AsyncTeleBot", telebotRequests...)
	// Tweepy's API v2 clients.
	returns("tweepy.Client", "tweepy.Client")
	serviceRequests("ASL202", "use `tweepy.asynchronous.AsyncClient` and await it, or `await asyncio.to_thread(...)`",
		prefixed("tweepy.Client.", tweepyRequests...)...)
	returns("tweepy.asynchronous.AsyncClient", "tweepy.asynchronous.AsyncClient")
	coroutineMethods("tweepy.asynchronous.AsyncClient", tweepyRequests...)

	// Stripe's resource classes: `stripe.Customer.create(...)` is an API
	// request; since stripe 10 each has an `_async` twin.
	for _, r := range stripeResources {
		for _, m := range []string{"create", "retrieve", "modify", "list", "delete", "confirm", "cancel", "capture",
			"search"} {
			serviceRequests("ASL202", stripeAlt, "stripe."+r+"."+m)
			coroutines("stripe." + r + "." + m + "_async")
		}
	}
	// Twilio's REST client.
	returns("twilio.rest.Client", "twilio.rest.Client")
	serviceRequests("ASL202", sdkAlt, prefixed("twilio.rest.Client.", "messages.create", "messages.list", "calls.create",
		"calls.list")...)

	// Tavily's search API (tavily-python): TavilyClient's methods are HTTPS
	// requests (requests underneath); AsyncTavilyClient's are coroutines.
	for _, typ := range []string{"tavily.TavilyClient", "tavily.tavily.TavilyClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", "use `tavily.AsyncTavilyClient` and await it, or `await asyncio.to_thread(...)`",
			prefixed(typ+".", tavilyRequests...)...)
	}
	for _, typ := range []string{"tavily.AsyncTavilyClient", "tavily.async_tavily.AsyncTavilyClient"} {
		returns(typ, typ)
		coroutineMethods(typ, tavilyRequests...)
	}

	// Hugging Face Hub (huggingface_hub): HfApi's methods and their module
	// aliases are HTTPS requests to the Hub (downloads may be gigabytes);
	// there is no asyncio Hub client. `list_models` and the other `list_*`
	// that return generators make their requests while iterated, so they
	// are not listed. InferenceClient's tasks are requests too, and
	// AsyncInferenceClient's are coroutines (realbugs24's hf_service).
	for _, typ := range []string{"huggingface_hub.HfApi", "huggingface_hub.hf_api.HfApi"} {
		returns(typ, typ)
		serviceRequests("ASL202", hfHubAlt, prefixed(typ+".", hfHubRequests...)...)
	}
	serviceRequests("ASL202", hfHubAlt, prefixed("huggingface_hub.", hfHubRequests...)...)
	for _, typ := range []string{"huggingface_hub.InferenceClient", "huggingface_hub.inference._client.InferenceClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", "use `huggingface_hub.AsyncInferenceClient` and await it, or `await asyncio.to_thread(...)`",
			prefixed(typ+".", hfInferenceTasks...)...)
	}
	for _, typ := range []string{"huggingface_hub.AsyncInferenceClient",
		"huggingface_hub.inference._generated._async_client.AsyncInferenceClient"} {
		returns(typ, typ)
		coroutineMethods(typ, hfInferenceTasks...)
	}

	// Remote file transfer and mail: FTP, IMAP (SSH, paramiko's SSHClient
	// and SFTPClient, is with Fabric in infrastructure.go).
	for _, typ := range []string{"ftplib.FTP", "ftplib.FTP_TLS"} {
		returns(typ, typ)
		serviceRequests("ASL202", remoteAlt, prefixed(typ+".", "connect", "login", "retrbinary", "retrlines", "storbinary",
			"storlines", "nlst", "dir", "mlsd", "cwd", "pwd", "delete", "rename", "mkd", "rmd", "size", "sendcmd", "quit")...)
	}
	// SMB/CIFS shares through smbprotocol's `smbclient`, a synchronous
	// mirror of os and os.path whose every call is one or more SMB requests
	// to the file server ("All DirEntry methods may perform a SMB request",
	// smbclient/_os.py); register_session connects and authenticates. Its
	// scandir and walk are generators (scandir: "the entries are yielded"):
	// the call sends nothing, its iteration lists the directories over the
	// network (realbugs96 elastic/connectors: `smbclient.walk(...)` iterated
	// in the Network Drive connector's async `get_docs`, "it hangs the whole
	// loop", elastic/connectors#2121). An SMB path is a network round trip,
	// unlike the local metadata calls ASYNC240 keeps opt-in.
	smbclientCalls := []string{"register_session", "delete_session", "reset_connection_cache", "open_file",
		"listdir", "scandir", "walk", "stat", "lstat", "stat_volume", "mkdir", "makedirs", "remove", "unlink", "rmdir",
		"removedirs", "rename", "renames", "replace", "copyfile", "link", "symlink", "readlink", "truncate", "utime",
		"getxattr", "setxattr", "listxattr", "removexattr"}
	for _, mod := range []string{"smbclient.", "smbclient._os.", "smbclient._pool."} {
		serviceRequests("ASL202", smbAlt, prefixed(mod, smbclientCalls...)...)
		for _, lazy := range []string{"scandir", "walk"} {
			entry(mod + lazy).Unblock = UnblockedUnlessIterated
		}
	}
	serviceRequests("ASL202", smbAlt, prefixed("smbclient.path.", "exists", "lexists", "getatime", "getmtime",
		"getctime", "getsize", "isfile", "isdir", "islink", "samefile")...)

	// imaplib's and poplib's constructors connect: "The connection is
	// created and protocol version (IMAP4 or IMAP4rev1) is determined when
	// the instance is initialized" (imaplib.IMAP4; IMAP4_SSL wraps the
	// socket in TLS as well), "The connection is created when the instance
	// is initialized" (poplib.POP3): a DNS lookup, the TCP (and TLS)
	// handshake and the server's greeting, on the loop (realbugs90
	// nekro-agent: `conn = imaplib.IMAP4_SSL(imap_host, imap_port)` in an
	// async reconnect). ftplib.FTP connects only when given a host, and
	// is left to its connect() and login().
	for _, typ := range []string{"imaplib.IMAP4", "imaplib.IMAP4_SSL"} {
		returns(typ, typ)
		blocking("ASL202", remoteAlt, typ)
		serviceRequests("ASL202", remoteAlt, prefixed(typ+".", "login", "select", "search", "fetch", "store", "logout", "uid",
			"list", "append", "expunge", "noop", "copy", "close", "status", "starttls", "authenticate", "create",
			"delete", "rename", "check", "capability", "subscribe", "unsubscribe", "lsub")...)
	}
	for _, typ := range []string{"poplib.POP3", "poplib.POP3_SSL"} {
		returns(typ, typ)
		blocking("ASL202", remoteAlt, typ)
		serviceRequests("ASL202", remoteAlt, prefixed(typ+".", "user", "pass_", "apop", "rpop", "stat", "list", "retr",
			"dele", "rset", "noop", "quit", "top", "uidl", "capa", "stls", "utf8")...)
	}

	// SQLAlchemy's synchronous Session, Query, Engine and Connection are
	// deliberately not listed: on the judged corpora their statements in
	// coroutines are a design choice of mature projects (JupyterHub's ORM in
	// its tornado handlers, slidge's SQLite store: 123 findings, all
	// debatable, against one real bug found; docs/precision.md, "A
	// twenty-third held-out set of real bugs"). A project that wants them
	// names them in `blocking-calls` ("sqlalchemy.orm.Session.execute",
	// found on receivers annotated `Session`), reported as ASYNC200.

	// pika's BlockingConnection connects in its constructor; its channel's
	// calls are broker round trips.
	for _, typ := range []string{"pika.BlockingConnection", "pika.adapters.blocking_connection.BlockingConnection"} {
		returns(typ, typ)
		serviceRequests("ASL202", rabbitAlt, typ, typ+".channel", typ+".process_data_events", typ+".sleep")
		returns(typ+".channel", "pika.adapters.blocking_connection.BlockingChannel")
	}
	serviceRequests("ASL202", rabbitAlt, prefixed("pika.adapters.blocking_connection.BlockingChannel.", "basic_publish",
		"basic_get", "queue_declare", "exchange_declare", "queue_bind", "queue_purge", "start_consuming", "consume",
		"confirm_delivery")...)
}

// serviceRequests marks blocking request methods of a service's client.
func serviceRequests(code, instead string, names ...string) {
	blocking(code, instead, names...)
	for _, n := range names {
		entry(n).ServiceRequest = true
	}
}

// serviceRequestsOfAnyMethod marks every method of typ as a blocking
// request except the ones named.
func serviceRequestsOfAnyMethod(code, instead, typ string, except ...string) {
	serviceRequests(code, instead, typ+".*")
	for _, e := range except {
		entry(typ + "." + e)
	}
}

// binanceAsyncClientMethods are python-binance AsyncClient's coroutine
// methods that bots call (see sdk_clients' init): the spot, futures and
// margin requests of its README and SDK notes, and close_connection.
var binanceAsyncClientMethods = []string{"ping", "get_server_time", "get_exchange_info", "get_symbol_info",
	"get_all_tickers", "get_ticker", "get_symbol_ticker", "get_orderbook_ticker", "get_orderbook_tickers",
	"get_order_book", "get_recent_trades", "get_historical_trades", "get_aggregate_trades", "get_avg_price",
	"get_klines", "get_historical_klines", "get_historical_klines_generator", "get_account", "get_asset_balance",
	"get_my_trades", "get_open_orders", "get_all_orders", "get_order", "create_order", "create_test_order",
	"create_oco_order", "order_limit", "order_limit_buy", "order_limit_sell", "order_market", "order_market_buy",
	"order_market_sell", "cancel_order", "get_deposit_address", "withdraw", "get_asset_details",
	"get_margin_account", "create_margin_order", "cancel_margin_order", "stream_get_listen_key",
	"futures_ping", "futures_time", "futures_exchange_info", "futures_order_book", "futures_klines",
	"futures_historical_klines", "futures_mark_price", "futures_funding_rate", "futures_symbol_ticker",
	"futures_ticker", "futures_account", "futures_account_balance", "futures_position_information",
	"futures_create_order", "futures_get_order", "futures_get_open_orders", "futures_get_all_orders",
	"futures_cancel_order", "futures_cancel_all_open_orders", "futures_change_leverage",
	"futures_change_margin_type", "futures_account_trades", "futures_income_history",
	"futures_stream_get_listen_key", "close_connection"}

// DjangoAsyncManagerMethods are the names of the coroutine twins of
// Django's query-running manager and queryset methods (`aget`, `acreate`,
// `acount`...), DjangoLazyQuerySetMethods those of the methods that only
// build a queryset (`filter`, `order_by`), and DjangoAsyncModelMethods the
// model instance's coroutine methods (`asave`, `adelete`,
// `arefresh_from_db`; django/db/models/query.py and base.py, Django 4.1+).
// BeanieAwaitableQueries are Beanie's Document class methods that build a
// query object which does nothing until awaited (or chained into another
// such query, `await User.find_one(...).delete()`): `find_one` returns a
// FindOne, whose `__await__` runs the query and gives the document or None
// (beanie/odm/queries/find.py, FindOne.__await__; Beanie's docs, "Finding
// documents": `product = await Product.find_one(Product.name == "Peanut
// Butter")`). The query object is neither None nor falsy.
var BeanieAwaitableQueries = map[string]bool{"find_one": true}

// BeanieDocuments are the names of Beanie's Document class.
var BeanieDocuments = []string{"beanie.Document", "beanie.odm.documents.Document"}

// BeanieModule is the top-level module of Beanie.
const BeanieModule = "beanie"

// DjangoQuerySet is the class pylib records Django's queryset methods
// under, and DjangoModelBases the names a model class derives from
// (django.db.models.Model, and the module that defines it).
const DjangoQuerySet = "django.db.models.QuerySet"

var DjangoModelBases = map[string]bool{"django.db.models.Model": true, "django.db.models.base.Model": true}

// DjangoModelsModule is the name of the module an app keeps its models in
// (django/apps/config.py: MODELS_MODULE_NAME = "models"), which rules use to
// recognise a model class imported from an app the run does not hold.
var (
	DjangoAsyncManagerMethods = map[string]bool{}
	DjangoLazyQuerySetMethods = map[string]bool{}
	DjangoAsyncModelMethods   = map[string]bool{"asave": true, "adelete": true, "arefresh_from_db": true}
)

const DjangoModelsModule = "models"

// DjangoPackages are the packages whose import marks a module as Django
// code for those rules: Django itself and Channels (its consumers and
// channel layers run in a Django project).
var DjangoPackages = []string{"django", "channels"}

// ImportsDjango reports a module that imports one of DjangoPackages
// (imports as analysis.Module.ImportNames gives them).
func ImportsDjango(imports []string) bool { return ImportsAny(imports, DjangoPackages...) }

// Django's ORM: in async code (an `async def` view, a Channels consumer's
// coroutine) each query raises SynchronousOnlyOperation, and where that
// check is turned off it blocks the loop for the database round trip.
// Since Django 4.1 every query method has an `a`-prefixed coroutine twin
// (`aget`, `acreate`, `asave`). Managers and querysets build queries
// lazily (`filter`, `all`): only the calls that run one are listed.
func init() {
	const (
		model    = "django.db.models.Model"
		manager  = "django.db.models.Manager"
		queryset = "django.db.models.QuerySet"
		ormAlt   = "Django raises SynchronousOnlyOperation for it in async code: use the async method " +
			"(`aget`, `acreate`, `asave`, `async for` over the queryset) or wrap the work in `sync_to_async`"
	)
	// `Article.objects` is read on the class, which the model names
	// `django.db.models.Model.objects`; a custom manager is a subclass of
	// Manager.
	LibraryBases["django.db.models.base.Model"] = []string{model}
	LibraryBases["django.db.models.manager.Manager"] = []string{manager}
	LibraryBases["django.db.models.query.QuerySet"] = []string{queryset}
	runs := []string{"get", "create", "get_or_create", "update_or_create", "count", "exists", "first", "last",
		"bulk_create", "bulk_update", "in_bulk", "aggregate", "earliest", "latest", "update", "delete", "contains",
		"explain"}
	lazy := []string{"all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "values",
		"values_list", "annotate", "distinct", "only", "defer", "using", "select_for_update", "none", "reverse"}
	for _, m := range runs {
		DjangoAsyncManagerMethods["a"+m] = true
	}
	for _, m := range lazy {
		DjangoLazyQuerySetMethods[m] = true
	}
	for _, typ := range []string{model + ".objects", manager, queryset} {
		serviceRequests("ASL202", ormAlt, prefixed(typ+".", runs...)...)
		for _, m := range lazy {
			returns(typ+"."+m, queryset)
		}
		for _, m := range runs {
			coroutines(typ + ".a" + m)
		}
		// The methods that fetch or make one row give a model instance
		// (`user = User.objects.create(...)`; `await Room.objects.aget(...)`):
		// the base Model, whose save/asave the tables know.
		for _, m := range []string{"get", "create", "first", "last", "earliest", "latest"} {
			returns(typ+"."+m, model)
			awaitReturns(typ+".a"+m, model)
		}
	}
	serviceRequests("ASL202", ormAlt, model+".save", model+".delete", model+".refresh_from_db")
	coroutineMethods(model, "asave", "adelete", "arefresh_from_db")
	// django.contrib.auth's models are models: `class User(AbstractUser)`,
	// `class AbstractUser(AbstractBaseUser, PermissionsMixin)`,
	// `class AbstractBaseUser(models.Model)`, `class PermissionsMixin(models.Model)`,
	// `class Group(models.Model)`, `class Permission(models.Model)`
	// (django/contrib/auth/models.py, base_user.py): `User.objects.aget(...)`
	// is the manager's coroutine.
	const auth = "django.contrib.auth."
	LibraryBases[auth+"models.User"] = []string{auth + "models.AbstractUser"}
	LibraryBases[auth+"models.AbstractUser"] = []string{auth + "base_user.AbstractBaseUser", auth + "models.PermissionsMixin"}
	for _, c := range []string{"base_user.AbstractBaseUser", "models.AbstractBaseUser", "models.PermissionsMixin",
		"models.Group", "models.Permission"} {
		LibraryBases[auth+c] = []string{model}
	}
}

// Django Channels. Channel layers "have a purely async interface (for both
// send and receive); you will need to wrap them in a converter if you want
// to call them from synchronous code", and "if you are using consumers,
// then a copy is automatically provided for you on the consumer as
// self.channel_layer" (channels docs, topics/channel_layers.rst):
// BaseChannelLayer, InMemoryChannelLayer (channels/layers.py) and
// channels_redis's layers define `async def send, receive, new_channel,
// flush, group_add, group_discard, group_send`. In a synchronous consumer
// they are wrapped (`async_to_sync(self.channel_layer.group_send)(...)`);
// called bare they make a coroutine there too. The asynchronous consumers'
// own I/O methods are coroutines (channels/consumer.py AsyncConsumer.send;
// channels/generic/websocket.py AsyncWebsocketConsumer.accept, send, close,
// AsyncJsonWebsocketConsumer.send_json; channels/generic/http.py
// AsyncHttpConsumer.send_headers, send_body, send_response); the
// synchronous consumers' methods of those names are plain methods.
func init() {
	const (
		layer    = "channels.layers.BaseChannelLayer"
		consumer = "channels.consumer."
		ws       = "channels.generic.websocket."
		http     = "channels.generic.http."
	)
	coroutineMethods(layer, "send", "receive", "new_channel", "flush", "group_add", "group_discard", "group_send")
	for _, l := range []string{"channels.layers.InMemoryChannelLayer", "channels_redis.core.RedisChannelLayer",
		"channels_redis.pubsub.RedisPubSubChannelLayer"} {
		LibraryBases[l] = []string{layer}
	}
	returns("channels.layers.get_channel_layer", layer)
	LibraryBases[ws+"AsyncWebsocketConsumer"] = []string{consumer + "AsyncConsumer"}
	LibraryBases[ws+"AsyncJsonWebsocketConsumer"] = []string{ws + "AsyncWebsocketConsumer"}
	LibraryBases[http+"AsyncHttpConsumer"] = []string{consumer + "AsyncConsumer"}
	LibraryBases[ws+"WebsocketConsumer"] = []string{consumer + "SyncConsumer"}
	LibraryBases[ws+"JsonWebsocketConsumer"] = []string{ws + "WebsocketConsumer"}
	for _, c := range []string{"AsyncConsumer", "SyncConsumer"} {
		LibraryAttrTypes[consumer+c+".channel_layer"] = layer
	}
	coroutineMethods(consumer+"AsyncConsumer", "send")
	coroutineMethods(ws+"AsyncWebsocketConsumer", "accept", "send", "close")
	coroutineMethods(ws+"AsyncJsonWebsocketConsumer", "send_json")
	coroutineMethods(http+"AsyncHttpConsumer", "send_headers", "send_body", "send_response")
}
