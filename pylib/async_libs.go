package pylib

import "strings"

// Coroutine methods of widely used async libraries. Bot frameworks'
// `message.answer(...)` / `ctx.send(...)` without await is the classic "my
// bot does not reply".
func init() {
	// aiohttp: a request method returns a context manager that is also
	// awaitable; until awaited or entered it does nothing.
	for _, v := range []string{"get", "post", "put", "patch", "delete", "head", "options", "request"} {
		with(Coroutine|Awaitable, "aiohttp.ClientSession."+v)
		awaitReturns("aiohttp.ClientSession."+v, "aiohttp.ClientResponse")
		returns("aiohttp.ClientSession."+v, "aiohttp.ClientResponse")
		latency("aiohttp.ClientSession."+v, 0.1)
	}
	with(Coroutine|Awaitable, "aiohttp.ClientSession.ws_connect", "aiohttp.request")
	awaitReturns("aiohttp.ClientSession.ws_connect", "aiohttp.ClientWebSocketResponse")
	returns("aiohttp.ClientSession.ws_connect", "aiohttp.ClientWebSocketResponse")
	awaitReturns("aiohttp.request", "aiohttp.ClientResponse")
	returns("aiohttp.ClientSession", "aiohttp.ClientSession")
	coroutineMethods("aiohttp.ClientSession", "close")
	coroutineMethods("aiohttp.ClientResponse", "json", "text", "read")
	coroutineMethods("aiohttp.ClientWebSocketResponse", "send_str", "send_json", "send_bytes", "receive", "receive_str",
		"receive_json", "receive_bytes", "close", "ping")
	coroutineMethods("aiohttp.web.Request", "json", "text", "read", "post", "multipart")
	coroutineMethods("aiohttp.web.BaseRequest", "json", "text", "read", "post", "multipart")
	coroutineMethods("aiohttp.web.WebSocketResponse", "prepare", "send_str", "send_json", "send_bytes", "receive",
		"receive_str", "receive_json", "receive_bytes", "close", "ping")
	coroutineMethods("aiohttp.web.StreamResponse", "prepare", "write", "write_eof", "drain")
	coroutineMethods("aiohttp.web.AppRunner", "setup", "cleanup")
	// The application's own coroutines; `_handle` is what middleware and
	// integrations wrap (`old_handle = Application._handle`).
	coroutineMethods("aiohttp.web.Application", "startup", "shutdown", "cleanup", "_handle")
	coroutineMethods("aiohttp.web.TCPSite", "start", "stop")
	// aiohttp's request handlers are coroutines: "A request handler must be
	// a coroutine that accepts a Request instance as its only parameter and
	// returns a Response instance" (docs, Web Server Quickstart); the
	// low-level server's web handler is likewise an "asynchronous callable
	// which accepts a request and returns a response object" (Low Level
	// Server). A function returning one of these responses is a handler.
	for _, name := range []string{"aiohttp.web.Response", "aiohttp.web.json_response", "aiohttp.web.StreamResponse",
		"aiohttp.web.FileResponse", "aiohttp.web.WebSocketResponse", "aiohttp.web_response.Response",
		"aiohttp.web_response.json_response", "aiohttp.web_response.StreamResponse",
		"aiohttp.web_fileresponse.FileResponse", "aiohttp.web_ws.WebSocketResponse"} {
		entry(name).ReturnedByCoroutineHandlers = true
	}
	for name, seconds := range map[string]float64{"aiohttp.ClientSession": 0, "aiohttp.ClientSession.close": 0,
		"aiohttp.request": 0.1, "aiohttp.ClientResponse.text": 0.005, "aiohttp.ClientResponse.json": 0.005,
		"aiohttp.ClientResponse.read": 0.005} {
		latency(name, seconds)
	}

	// httpx
	for _, v := range []string{"get", "post", "put", "patch", "delete", "head", "options", "request", "send"} {
		coroutines("httpx.AsyncClient."+v, "httpx2.AsyncClient."+v)
		awaitReturns("httpx.AsyncClient."+v, "httpx.Response")
		awaitReturns("httpx2.AsyncClient."+v, "httpx2.Response")
		latency("httpx.AsyncClient."+v, 0.1)
	}
	coroutines("httpx.AsyncClient.aclose", "httpx.Response.aread", "httpx.Response.aclose", "httpx2.AsyncClient.aclose")
	returns("httpx.AsyncClient", "httpx.AsyncClient")
	returns("httpx2.AsyncClient", "httpx2.AsyncClient")
	latency("httpx.AsyncClient", 0)
	latency("httpx.AsyncClient.aclose", 0)

	// grpc.aio (gRPC's asyncio API): its channels and servers are
	// coroutine-driven, unlike those of the synchronous `grpc` module
	// (`grpc.insecure_channel(...).close()` stays a plain call).
	for _, v := range []string{"insecure_channel", "secure_channel"} {
		returns("grpc.aio."+v, "grpc.aio.Channel")
	}
	coroutineMethods("grpc.aio.Channel", "close", "channel_ready", "wait_for_state_change")
	returns("grpc.aio.server", "grpc.aio.Server")
	coroutineMethods("grpc.aio.Server", "start", "stop", "wait_for_termination")
	// The context an asyncio servicer method receives (grpc.aio's
	// ServicerContext, grpc/aio/_base_server.py: `async def read`,
	// `async def write`, `async def send_initial_metadata`, `async def
	// abort`, and the concrete context's `abort_with_status`, which
	// delegates to abort); its other methods (set_code, set_details,
	// invocation_metadata, peer...) are plain calls. A servicer method
	// `async def Method(self, request, context)` is given one by the
	// asyncio server however it is annotated (ParamConventions below).
	coroutineMethods("grpc.aio.ServicerContext", "read", "write", "send_initial_metadata", "abort", "abort_with_status")
	for _, first := range []string{"request", "request_iterator"} {
		ParamConventions = append(ParamConventions, ParamConvention{
			Params: []string{first, "context"}, Param: "context", Type: "grpc.aio.ServicerContext",
			// grpcio, django-socio-grpc (its services get a proxy of the
			// grpc.aio context), and protoc's generated `x_pb2_grpc` modules.
			Packages: []string{"grpc", "django_socio_grpc"}, ModuleSuffixes: []string{"_pb2_grpc"},
			Note: "gRPC's generated servicers give every method the parameters (self, request, context) " +
				"(request_iterator for a client stream); the asyncio server (grpc.aio) calls an async def method " +
				"with a grpc.aio.ServicerContext"})
	}

	// requests-async: the requests API, every request a coroutine (projects
	// often import it as `requests`).
	for _, v := range []string{"get", "post", "put", "patch", "delete", "head", "options", "request"} {
		coroutines("requests_async."+v, "requests_async.Session."+v)
		latency("requests_async."+v, 0.1)
	}
	returns("requests_async.Session", "requests_async.Session")

	// asyncpg
	coroutines("asyncpg.connect")
	with(Coroutine|Awaitable, "asyncpg.create_pool")
	awaitReturns("asyncpg.connect", "asyncpg.Connection")
	awaitReturns("asyncpg.create_pool", "asyncpg.Pool")
	returns("asyncpg.create_pool", "asyncpg.Pool")
	for _, typ := range []string{"asyncpg.Connection", "asyncpg.connection.Connection", "asyncpg.Pool", "asyncpg.pool.Pool"} {
		coroutineMethods(typ, "execute", "executemany", "fetch", "fetchrow", "fetchval", "close", "prepare",
			"copy_from_query", "copy_from_table", "copy_to_table", "copy_records_to_table", "set_type_codec",
			"add_listener", "remove_listener", "reload_schema_state")
	}
	coroutineMethods("asyncpg.Pool", "release", "expire_connections")
	// A prepared statement (asyncpg's API reference, "Prepared Statements":
	// `stmt = await con.prepare('SELECT 1')`, whose fetch, fetchrow,
	// fetchval, fetchmany, executemany and explain are coroutines,
	// asyncpg/prepared_stmt.py; cursor() and the get_* accessors are not).
	const stmt = "asyncpg.prepared_stmt.PreparedStatement"
	for _, typ := range []string{"asyncpg.Connection", "asyncpg.connection.Connection"} {
		awaitReturns(typ+".prepare", stmt)
	}
	coroutineMethods(stmt, "fetch", "fetchrow", "fetchval", "fetchmany", "executemany", "explain")
	with(Coroutine|Awaitable, "asyncpg.Pool.acquire", "asyncpg.pool.Pool.acquire")
	awaitReturns("asyncpg.Pool.acquire", "asyncpg.Connection")
	for name, seconds := range map[string]float64{"asyncpg.connect": 0.02, "asyncpg.create_pool": 0.05,
		"asyncpg.Connection.fetch": 0.005, "asyncpg.Connection.fetchrow": 0.005, "asyncpg.Connection.fetchval": 0.005,
		"asyncpg.Connection.execute": 0.005, "asyncpg.Connection.close": 0.001, "asyncpg.Pool.fetch": 0.005,
		"asyncpg.Pool.fetchrow": 0.005, "asyncpg.Pool.fetchval": 0.005, "asyncpg.Pool.execute": 0.005,
		"asyncpg.Pool.acquire": 0.001} {
		latency(name, seconds)
	}

	// aiosqlite
	with(Coroutine|Awaitable, "aiosqlite.connect")
	returns("aiosqlite.connect", "aiosqlite.Connection")
	awaitReturns("aiosqlite.connect", "aiosqlite.Connection")
	coroutineMethods("aiosqlite.Connection", "execute", "executemany", "executescript", "commit", "rollback", "close",
		"execute_fetchall", "cursor", "execute_insert")
	awaitReturns("aiosqlite.Connection.execute", "aiosqlite.Cursor")
	awaitReturns("aiosqlite.Connection.cursor", "aiosqlite.Cursor")
	coroutineMethods("aiosqlite.Cursor", "execute", "executemany", "fetchone", "fetchall", "fetchmany", "close")

	// SQLAlchemy's asyncio extension (and SQLModel's session on top of it).
	for _, mod := range []string{"sqlalchemy.ext.asyncio.", "sqlalchemy.ext.asyncio.session.", "sqlmodel.ext.asyncio.session."} {
		coroutineMethods(mod+"AsyncSession", "execute", "scalar", "scalars", "get", "get_one", "commit", "rollback",
			"flush", "refresh", "delete", "close", "merge", "stream", "stream_scalars", "run_sync", "connection",
			"invalidate", "reset", "exec")
		for _, m := range []string{"execute", "stream"} {
			awaitReturns(mod+"AsyncSession."+m, "sqlalchemy.engine.Result")
		}
		awaitReturns(mod+"AsyncSession.scalars", "sqlalchemy.engine.ScalarResult")
		returns(mod+"async_sessionmaker", "sqlalchemy.ext.asyncio.async_sessionmaker")
		returns(mod+"AsyncSession", "sqlalchemy.ext.asyncio.AsyncSession")
	}
	returns("sqlalchemy.ext.asyncio.async_sessionmaker.__call__", "sqlalchemy.ext.asyncio.AsyncSession")
	for _, mod := range []string{"sqlalchemy.ext.asyncio.", "sqlalchemy.ext.asyncio.engine."} {
		coroutineMethods(mod+"AsyncConnection", "execute", "scalar", "scalars", "commit", "rollback", "close",
			"run_sync", "stream", "stream_scalars", "exec_driver_sql", "start", "invalidate", "get_raw_connection")
		awaitReturns(mod+"AsyncConnection.execute", "sqlalchemy.engine.Result")
		coroutineMethods(mod+"AsyncEngine", "dispose")
		returns(mod+"create_async_engine", "sqlalchemy.ext.asyncio.AsyncEngine")
		returns(mod+"AsyncEngine.connect", "sqlalchemy.ext.asyncio.AsyncConnection")
		returns(mod+"AsyncEngine.begin", "sqlalchemy.ext.asyncio.AsyncConnection")
	}

	// aiobotocore / aioboto3: every operation of a client is a coroutine.
	coroutinesOfAnyMethod("aiobotocore.client.AioBaseClient", "get_paginator", "get_waiter", "can_paginate",
		"meta", "exceptions", "__aenter__", "__aexit__")
	for _, f := range []string{"aiobotocore.session.AioSession.create_client", "aiobotocore.session.get_session.create_client",
		"aioboto3.Session.client", "aioboto3.session.Session.client"} {
		returns(f, "aiobotocore.client.AioBaseClient")
	}
	returns("aiobotocore.session.get_session", "aiobotocore.session.AioSession")
	returns("aiobotocore.session.AioSession", "aiobotocore.session.AioSession")
	returns("aioboto3.Session", "aioboto3.Session")
	// An entry of its own hides the wildcard's roles: they are repeated.
	with(Coroutine, "aiobotocore.client.AioBaseClient.get_object")
	awaitReturns("aiobotocore.client.AioBaseClient.get_object", "aiobotocore.GetObjectOutput")
	coroutineMethods("aiobotocore.response.StreamingBody", "read", "readany", "readchunk", "readexactly", "readline",
		"readlines", "iter_chunks", "iter_lines")

	// motor: collections are reached by attribute or subscript of a database.
	motorCollection := []string{"find_one", "insert_one", "insert_many", "update_one", "update_many", "replace_one",
		"delete_one", "delete_many", "count_documents", "estimated_document_count", "find_one_and_update",
		"find_one_and_delete", "find_one_and_replace", "distinct", "create_index", "create_indexes", "drop_index",
		"drop_indexes", "drop", "bulk_write", "index_information", "rename"}
	for _, mod := range []string{"motor.motor_asyncio.", "motor.motor_tornado."} {
		client, db, coll := mod+"AsyncIOMotorClient", mod+"AsyncIOMotorDatabase", mod+"AsyncIOMotorCollection"
		if strings.HasSuffix(mod, "tornado.") {
			client, db, coll = mod+"MotorClient", mod+"MotorDatabase", mod+"MotorCollection"
		}
		returns(client, client)
		coroutineMethods(client, "list_database_names", "server_info", "drop_database", "start_session")
		coroutineMethods(db, "command", "list_collection_names", "drop_collection", "create_collection", "validate_collection")
		coroutineMethods(coll, motorCollection...)
		// client.db.coll.find_one(): any attribute of a client is a database,
		// any attribute of a database a collection.
		coroutineMethods(client+".*.*", motorCollection...)
		coroutineMethods(client+".*", "command", "list_collection_names", "drop_collection", "create_collection")
		coroutineMethods(db+".*", motorCollection...)
		wildcardRoots = append(wildcardRoots, client, db)
	}

	// PyMongo's own asyncio API (4.9 on; motor's successor). Unlike motor,
	// aggregate, aggregate_raw_batches, list_indexes and watch are
	// coroutines that return the cursor, and the client's close is one.
	pymongoCollection := append([]string{"aggregate", "aggregate_raw_batches", "list_indexes", "watch"}, motorCollection...)
	pymongoDatabase := []string{"command", "list_collection_names", "list_collections", "drop_collection",
		"create_collection", "validate_collection", "aggregate", "watch", "dereference"}
	pymongoDB, pymongoColl := "pymongo.asynchronous.database.AsyncDatabase", "pymongo.asynchronous.collection.AsyncCollection"
	coroutineMethods(pymongoDB, pymongoDatabase...)
	coroutineMethods(pymongoColl, pymongoCollection...)
	for _, client := range []string{"pymongo.AsyncMongoClient", "pymongo.asynchronous.mongo_client.AsyncMongoClient"} {
		returns(client, client)
		coroutineMethods(client, "list_database_names", "list_databases", "server_info", "drop_database", "close", "aconnect",
			"watch")
		coroutineMethods(client+".*.*", pymongoCollection...)
		coroutineMethods(client+".*", pymongoDatabase...)
		wildcardRoots = append(wildcardRoots, client)
	}
	coroutineMethods(pymongoDB+".*", pymongoCollection...)
	wildcardRoots = append(wildcardRoots, pymongoDB)

	// Beanie (an ODM over motor and PyMongo's async API): init_beanie, from
	// the package or the modules it has lived in (beanie.general before
	// 1.0), and the Document methods that talk to the database (`find` and
	// `find_one` build queries: not coroutines).
	coroutines("beanie.init_beanie", "beanie.odm.utils.init.init_beanie", "beanie.general.init_beanie")
	for _, doc := range BeanieDocuments {
		coroutineMethods(doc, "insert", "create", "save", "save_changes", "replace", "delete", "sync", "get",
			"insert_one", "insert_many", "delete_all")
	}

	// redis.asyncio (and aioredis 2, the same API).
	for _, typ := range []string{"redis.asyncio.Redis", "redis.asyncio.client.Redis", "redis.asyncio.StrictRedis", "aioredis.Redis",
		"redis.asyncio.RedisCluster"} {
		coroutinesOfAnyMethod(typ, "pipeline", "pubsub", "lock", "register_script", "monitor", "client", "get_connection_kwargs",
			"get_encoder", "from_url", "from_pool", "__aenter__", "__aexit__", "connection_pool", "set_response_callback")
		instance := "redis.asyncio.Redis"
		if strings.HasPrefix(typ, "aioredis.") {
			instance = typ // its own type: 1.x's differs (below)
		}
		returns(typ, instance)
		returns(typ+".from_url", instance)
	}
	returns("redis.asyncio.from_url", "redis.asyncio.Redis")
	returns("aioredis.from_url", "aioredis.Redis")
	returns("aioredis.Redis.pipeline", "redis.asyncio.client.Pipeline")
	// aioredis 1.x is another API under the same names: its Redis.close()
	// is a plain method that starts closing, and `await redis.wait_closed()`
	// waits for it (aioredis 1.3 docs, "aioredis.Redis.close: Close client
	// connections"; `wait_closed` is the coroutine); 2.0 ported redis-py's
	// asyncio client, whose `close` is a coroutine function, and removed the
	// 1.x factories (the 2.0 migration guide: create_redis, create_redis_pool,
	// create_pool and create_connection are gone, use `aioredis.from_url` or
	// `aioredis.Redis(...)`). A module that calls a 1.x factory runs 1.x.
	aioredis2 := Release{Dists: []string{"aioredis"}, Version: "2.0"}
	coroutineMethodsSince(aioredis2, "a coroutine function since aioredis 2.0, a plain method in 1.x (await wait_closed())",
		"aioredis.Redis", "close")
	removedIn(aioredis2, "aioredis.create_redis", "aioredis.create_redis_pool", "aioredis.create_pool",
		"aioredis.create_connection")
	coroutineMethods("redis.asyncio.client.Pipeline", "execute", "reset", "watch")
	returns("redis.asyncio.Redis.pipeline", "redis.asyncio.client.Pipeline")
	// The client's `pubsub()` and `lock()` are plain methods (above), but
	// what they return talks to the server through coroutines: the PubSub
	// of redis/asyncio/client.py has `async def subscribe`, `psubscribe`,
	// `get_message`, `reset`, `aclose`, `run`..., and `unsubscribe`,
	// `punsubscribe` and `ping` are plain methods returning the coroutine
	// of `execute_command` (`-> Awaitable`); `close` is `reset` under
	// another name (a coroutine function in 5.x, `return self.reset()` in
	// 4.x and aioredis 2). `listen()` is an async generator (`async for`).
	// The Lock of redis/asyncio/lock.py has coroutine (or `-> Awaitable`)
	// acquire/release/extend/reacquire/locked/owned, and only the
	// asynchronous context-manager protocol (pylib/context_managers.go).
	for _, typ := range []string{"redis.asyncio.Redis", "redis.asyncio.client.Redis", "redis.asyncio.StrictRedis",
		"aioredis.Redis", "redis.asyncio.RedisCluster"} {
		returns(typ+".pubsub", "redis.asyncio.client.PubSub")
		returns(typ+".lock", "redis.asyncio.lock.Lock")
	}
	for _, typ := range []string{"redis.asyncio.client.PubSub", "redis.asyncio.PubSub", "aioredis.client.PubSub"} {
		returns(typ, "redis.asyncio.client.PubSub")
	}
	coroutineMethods("redis.asyncio.client.PubSub", "subscribe", "unsubscribe", "psubscribe", "punsubscribe",
		"get_message", "ping", "reset", "aclose", "close", "connect", "check_health", "execute_command",
		"parse_response", "handle_message", "run", "on_connect", "__aenter__", "__aexit__")
	for _, typ := range []string{"redis.asyncio.lock.Lock", "aioredis.lock.Lock"} {
		returns(typ, "redis.asyncio.lock.Lock")
	}
	coroutineMethods("redis.asyncio.lock.Lock", "acquire", "release", "extend", "reacquire", "locked", "owned",
		"do_acquire", "do_release", "do_extend", "do_reacquire", "__aenter__", "__aexit__")

	// aiofiles
	with(Coroutine|Awaitable, "aiofiles.open", "aiofiles.threadpool.open")
	for _, f := range []string{"aiofiles.open", "aiofiles.threadpool.open"} {
		returns(f, "aiofiles.threadpool.text.AsyncTextIOWrapper")
		awaitReturns(f, "aiofiles.threadpool.text.AsyncTextIOWrapper")
	}
	coroutineMethods("aiofiles.threadpool.text.AsyncTextIOWrapper", "read", "readline", "readlines", "write",
		"writelines", "flush", "close", "seek", "truncate", "tell")
	coroutines(prefixed("aiofiles.os.", "remove", "rename", "mkdir", "makedirs", "rmdir", "stat", "listdir", "scandir",
		"unlink", "replace")...)
	coroutines(prefixed("aiofiles.os.path.", "exists", "isfile", "isdir", "getsize")...)

	// ably-python (Ably's pub/sub client). From 1.2.0 on the REST client
	// `from ably import AblyRest` is asynchronous (its README: "async with
	// AblyRest('api:key') as ably: channel = ably.channels.get(...)",
	// "await client.close()"; a synchronous variant came later as
	// ably.sync.AblyRestSync, another class); before 1.2.0 the same names
	// were plain methods. `channels` is a Channels collection whose plain
	// `get(name)` gives the channel; the Channel of ably/rest/channel.py has
	// `async def publish`, `history` and `status`. The realtime client's
	// channels give a RealtimeChannel, a subclass of that Channel with
	// `async def attach`, `detach` and `subscribe`.
	ably12 := Release{Dists: []string{"ably"}, Version: "1.2.0"}
	ablyNote := "a coroutine function since ably-python 1.2.0 (asyncio REST client), a plain method before"
	for _, c := range []string{"ably.AblyRest", "ably.rest.rest.AblyRest"} {
		returns(c, "ably.AblyRest")
	}
	for _, c := range []string{"ably.AblyRealtime", "ably.realtime.realtime.AblyRealtime"} {
		returns(c, "ably.AblyRealtime")
	}
	LibraryAttrTypes["ably.AblyRest.channels"] = "ably.rest.channel.Channels"
	LibraryAttrTypes["ably.AblyRealtime.channels"] = "ably.realtime.realtime_channel.Channels"
	returns("ably.rest.channel.Channels.get", "ably.rest.channel.Channel")
	returns("ably.realtime.realtime_channel.Channels.get", "ably.realtime.realtime_channel.RealtimeChannel")
	LibraryBases["ably.realtime.realtime_channel.RealtimeChannel"] = []string{"ably.rest.channel.Channel"}
	coroutineMethodsSince(ably12, ablyNote, "ably.rest.channel.Channel", "publish", "history", "status")
	coroutineMethodsSince(ably12, ablyNote, "ably.AblyRest", "close")
	coroutineMethods("ably.realtime.realtime_channel.RealtimeChannel", "attach", "detach", "subscribe", "publish",
		"history", "status")
	coroutineMethods("ably.AblyRealtime", "close")

	// websockets
	for _, typ := range []string{"websockets.WebSocketClientProtocol", "websockets.client.WebSocketClientProtocol",
		"websockets.WebSocketServerProtocol", "websockets.asyncio.client.ClientConnection"} {
		coroutineMethods(typ, "send", "recv", "close", "ping", "wait_closed")
	}
	returns("websockets.connect", "websockets.WebSocketClientProtocol")
	returns("websockets.client.connect", "websockets.WebSocketClientProtocol")
	awaitReturns("websockets.connect", "websockets.WebSocketClientProtocol")

	// Starlette / FastAPI request and websocket objects.
	for _, typ := range []string{"starlette.requests.Request", "fastapi.Request", "fastapi.requests.Request"} {
		coroutineMethods(typ, "json", "body", "form", "close", "is_disconnected", "send_push_promise")
	}
	for _, typ := range []string{"starlette.websockets.WebSocket", "fastapi.WebSocket", "fastapi.websockets.WebSocket"} {
		coroutineMethods(typ, "accept", "receive", "receive_text", "receive_bytes", "receive_json", "send", "send_text",
			"send_bytes", "send_json", "close")
	}
	for _, typ := range []string{"starlette.datastructures.UploadFile", "fastapi.UploadFile", "fastapi.datastructures.UploadFile"} {
		coroutineMethods(typ, "read", "write", "seek", "close")
	}

	// LLM clients used by agent frameworks (their synchronous twins are
	// blocking calls, in blocking.go).
	for _, typ := range []string{"openai.AsyncOpenAI", "openai.AsyncAzureOpenAI"} {
		coroutines(prefixed(typ+".", openAIRequests...)...)
		returns(typ, typ)
	}
	coroutines(prefixed("anthropic.AsyncAnthropic.", anthropicRequests...)...)
	returns("anthropic.AsyncAnthropic", "anthropic.AsyncAnthropic")
	// openai-python before 1.0: each module-level resource class has an
	// `async def acreate` classmethod (openai/api_resources/chat_completion.py
	// in 0.27: "@classmethod async def acreate(cls, *args, **kwargs)",
	// awaiting EngineAPIResource.acreate's `requestor.arequest`); the
	// synchronous `create` is in blocking.go.
	for _, r := range openAIV0Resources {
		coroutines("openai." + r + ".acreate")
	}
	// LiteLLM's module-level calls: each `a`-prefixed function is an `async
	// def` (litellm/main.py: acompletion "Asynchronously executes a
	// litellm.completion() call for any of litellm supported llms",
	// aembedding, atext_completion, aimage_generation, amoderation,
	// atranscription, aspeech), and so are a Router's (litellm/router.py).
	// Their synchronous twins (completion, embedding...) are blocking calls,
	// in blocking.go.
	coroutines(prefixed("litellm.", litellmAsyncCalls...)...)
	for _, r := range []string{"litellm.Router", "litellm.router.Router"} {
		returns(r, r)
		coroutineMethods(r, litellmAsyncCalls...)
	}
	// Gemini: google-generativeai's *_async methods and google-genai's
	// client.aio (their synchronous twins are blocking calls).
	const gai = "google.generativeai."
	coroutineMethods(gai+"GenerativeModel", "generate_content_async", "count_tokens_async")
	coroutineMethods(gai+"ChatSession", "send_message_async")
	coroutines(gai + "embed_content_async")
	coroutines(prefixed("google.genai.Client.aio.", geminiRequests...)...)
	coroutines(prefixed("google.genai.Client.aio.", geminiServiceRequests...)...)
	for name, seconds := range map[string]float64{"aiohttp.": 0.1, "httpx.": 0.1, "asyncpg.": 0.005, "aiosqlite.": 0.001,
		"redis.asyncio.": 0.001, "aioredis.": 0.001, "motor.": 0.005, "aiofiles.": 0.001, "aiobotocore.": 0.05,
		"openai.": 1.0, "anthropic.": 1.0} {
		latency(name, seconds)
	}
}

// Bot frameworks.
func init() {
	// discord.py
	discordSend := []string{"send", "fetch_message", "trigger_typing", "pins"}
	for _, typ := range []string{"discord.abc.Messageable", "discord.TextChannel", "discord.User", "discord.Member",
		"discord.DMChannel", "discord.Thread", "discord.VoiceChannel", "discord.ext.commands.Context"} {
		coroutineMethods(typ, discordSend...)
	}
	coroutineMethods("discord.ext.commands.Context", "reply", "invoke", "reinvoke", "send_help", "defer")
	coroutineMethods("discord.Message", "reply", "delete", "edit", "add_reaction", "remove_reaction", "clear_reactions",
		"clear_reaction", "pin", "unpin", "publish", "create_thread", "fetch")
	coroutineMethods("discord.TextChannel", "purge", "delete", "edit", "create_invite", "set_permissions",
		"create_webhook", "webhooks", "create_thread", "clone")
	// Every guild channel (discord.abc.GuildChannel, the type event handlers
	// such as on_guild_channel_create receive) manages its permissions,
	// invites and position with coroutines.
	guildChannel := []string{"set_permissions", "delete", "clone", "create_invite", "invites", "move"}
	for _, typ := range []string{"discord.abc.GuildChannel", "discord.TextChannel", "discord.VoiceChannel",
		"discord.StageChannel", "discord.CategoryChannel", "discord.ForumChannel"} {
		coroutineMethods(typ, guildChannel...)
	}
	coroutineMethods("discord.CategoryChannel", "edit", "create_text_channel", "create_voice_channel",
		"create_stage_channel", "create_forum")
	coroutineMethods("discord.VoiceChannel", "edit")
	coroutineMethods("discord.StageChannel", "edit", "connect")
	coroutineMethods("discord.ForumChannel", "edit", "create_thread")
	coroutineMethods("discord.Member", "add_roles", "remove_roles", "kick", "ban", "unban", "edit", "move_to", "timeout",
		"create_dm", "fetch_message")
	coroutineMethods("discord.User", "create_dm")
	coroutineMethods("discord.Guild", "fetch_member", "ban", "unban", "kick", "create_text_channel", "create_voice_channel",
		"create_category", "create_role", "fetch_channels", "fetch_roles", "edit", "leave", "prune_members", "fetch_ban",
		"invites", "fetch_channel", "fetch_emoji", "fetch_emojis", "create_custom_emoji", "chunk", "delete")
	coroutineMethods("discord.Role", "delete", "edit")
	coroutineMethods("discord.Interaction", "original_response", "edit_original_response", "delete_original_response")
	coroutineMethods("discord.InteractionResponse", "send_message", "defer", "edit_message", "send_modal", "pong",
		"autocomplete")
	coroutineMethods("discord.Webhook", "send", "edit_message", "delete_message", "fetch_message", "delete", "edit")
	coroutineMethods("discord.VoiceClient", "disconnect", "move_to")
	coroutineMethods("discord.VoiceChannel", "connect")
	clientMethods := []string{"change_presence", "fetch_user", "fetch_channel", "fetch_guild", "fetch_webhook",
		"fetch_invite", "fetch_template", "fetch_sticker", "application_info", "login", "connect", "close", "start",
		"wait_until_ready", "wait_for", "create_guild", "delete_invite", "fetch_stage_instance", "setup_hook"}
	for _, typ := range []string{"discord.Client", "discord.AutoShardedClient", "discord.ext.commands.Bot",
		"discord.ext.commands.AutoShardedBot"} {
		coroutineMethods(typ, clientMethods...)
	}
	// Extension and cog loading became asynchronous in discord.py 2.0 (its
	// migration guide, "Extension and Cog Loading / Unloading is Now
	// Asynchronous"; the extensions page: "await bot.load_extension('hello')");
	// in 1.x they are plain methods (1.7's `def load_extension(self, name, *,
	// package=None)`). The `discord` project on PyPI installs discord.py of
	// the same version.
	discord2 := Release{Dists: []string{"discord.py", "discord"}, Version: "2.0"}
	for _, typ := range []string{"discord.ext.commands.Bot", "discord.ext.commands.AutoShardedBot"} {
		coroutineMethodsSince(discord2, "a coroutine function since discord.py 2.0, a plain method in 1.x", typ,
			"load_extension", "unload_extension", "reload_extension", "add_cog", "remove_cog")
		coroutineMethods(typ, "process_commands", "invoke", "get_context", "is_owner", "get_prefix")
	}
	// discord.py: `class Bot(BotBase, discord.Client)`, `class
	// AutoShardedBot(BotBase, discord.AutoShardedClient)`,
	// `class AutoShardedClient(Client)`.
	LibraryBases["discord.ext.commands.Bot"] = []string{"discord.Client"}
	LibraryBases["discord.ext.commands.AutoShardedBot"] = []string{"discord.AutoShardedClient"}
	LibraryBases["discord.AutoShardedClient"] = []string{"discord.Client"}
	coroutineMethods("discord.app_commands.CommandTree", "sync", "fetch_commands")
	coroutineMethods("discord.Bot.tree", "sync")

	// aiogram
	coroutinesOfAnyMethod("aiogram.Bot", "get_current", "set_current", "context", "model_copy", "id", "session",
		"parse_mode", "token", "default", "__call__", "__aenter__", "__aexit__")
	coroutines("aiogram.Bot.__call__")
	aiogramMessage := []string{"answer", "reply", "answer_photo", "answer_document", "answer_video", "answer_audio",
		"answer_animation", "answer_voice", "answer_sticker", "answer_media_group", "answer_poll", "answer_dice",
		"answer_location", "answer_contact", "reply_photo", "reply_document", "reply_video", "reply_audio",
		"reply_animation", "reply_sticker", "reply_media_group", "delete", "edit_text", "edit_reply_markup",
		"edit_caption", "edit_media", "forward", "copy_to", "pin", "unpin", "send_copy", "react", "delete_reply_markup"}
	coroutineMethods("aiogram.types.Message", aiogramMessage...)
	coroutineMethods("aiogram.types.CallbackQuery", "answer")
	coroutineMethods("aiogram.types.InlineQuery", "answer")
	coroutineMethods("aiogram.Dispatcher", "start_polling", "feed_update", "stop_polling", "feed_webhook_update",
		"emit_startup", "emit_shutdown")
	coroutineMethods("aiogram.fsm.context.FSMContext", "set_state", "get_state", "set_data", "get_data", "update_data",
		"clear")
	coroutineMethods("aiogram.dispatcher.fsm.context.FSMContext", "set_state", "get_state", "set_data", "get_data",
		"update_data", "clear")

	// python-telegram-bot (v20+ is async; earlier versions were sync, so
	// its calls count as coroutines only in async code).
	telegramBot := []string{"send_message", "send_photo", "send_document", "send_video", "send_audio", "send_voice",
		"send_sticker", "send_animation", "send_media_group", "send_location", "send_poll", "send_dice",
		"send_chat_action", "delete_message", "edit_message_text", "edit_message_reply_markup", "edit_message_caption",
		"answer_callback_query", "answer_inline_query", "forward_message", "copy_message", "get_me", "get_chat",
		"get_chat_member", "get_file", "get_updates", "set_webhook", "delete_webhook", "ban_chat_member",
		"unban_chat_member", "restrict_chat_member", "promote_chat_member", "pin_chat_message", "unpin_chat_message",
		"leave_chat", "set_my_commands", "get_chat_administrators", "get_chat_member_count", "initialize", "shutdown"}
	with(Coroutine|InAsyncOnly, prefixed("telegram.Bot.", telegramBot...)...)
	with(Coroutine|InAsyncOnly, prefixed("telegram.ext.ExtBot.", telegramBot...)...)
	telegramMessage := []string{"reply_text", "reply_photo", "reply_document", "reply_video", "reply_audio",
		"reply_voice", "reply_sticker", "reply_animation", "reply_media_group", "reply_location", "reply_poll",
		"reply_dice", "reply_markdown", "reply_markdown_v2", "reply_html", "reply_chat_action", "edit_text",
		"edit_reply_markup", "edit_caption", "edit_media", "delete", "forward", "copy", "pin", "unpin", "set_reaction"}
	with(Coroutine|InAsyncOnly, prefixed("telegram.Message.", telegramMessage...)...)
	with(Coroutine|InAsyncOnly, prefixed("telegram.CallbackQuery.", "answer", "edit_message_text",
		"edit_message_reply_markup", "edit_message_caption", "delete_message", "edit_message_media")...)
	with(Coroutine|InAsyncOnly, prefixed("telegram.ext.Application.", "initialize", "start", "stop", "shutdown",
		"update_persistence", "process_update")...)
	with(Coroutine|InAsyncOnly, prefixed("telegram.ext.Updater.", "start_polling", "start_webhook", "stop",
		"initialize", "shutdown")...)

	// Telethon: TelegramClient's methods are coroutines (`from telethon.sync
	// import TelegramClient` resolves to another name, which is not recorded;
	// `import telethon.sync` beside `from telethon import TelegramClient` is
	// the sync shim recorded below).
	coroutinesOfAnyMethod("telethon.TelegramClient", "iter_messages", "iter_dialogs", "iter_participants",
		"iter_drafts", "iter_admin_log", "iter_profile_photos", "iter_download", "on", "add_event_handler",
		"remove_event_handler", "list_event_handlers", "is_connected", "build_reply_markup", "takeout",
		"conversation", "action", "set_proxy", "loop", "session", "parse_mode", "flood_sleep_threshold",
		"disconnected", "run_until_disconnected", "start", "disconnect", "set_receive_updates", "api_id", "api_hash")
	returns("telethon.TelegramClient", "telethon.TelegramClient")
	// Calling the client sends a raw request: `client(GetParticipantsRequest(...))`
	// runs UserMethods.__call__, an `async def` (telethon/client/users.py;
	// telethon/sync.py syncifies it with the public methods, `name ==
	// '__call__'`). The wildcard above covers no special method.
	coroutines("telethon.TelegramClient.__call__")
	// bot = TelegramClient(...).start(bot_token=...) gives the client back.
	returns("telethon.TelegramClient.start", "telethon.TelegramClient")
	returns("telethon.client.TelegramClient", "telethon.TelegramClient")
	coroutineMethods("telethon.events.NewMessage.Event", "reply", "respond", "delete", "edit", "get_sender",
		"get_chat", "get_input_sender", "get_input_chat", "forward_to", "download_media", "get_reply_message",
		"mark_read", "pin")
	coroutineMethods("telethon.tl.custom.Message", "reply", "respond", "delete", "edit", "get_sender", "get_chat",
		"forward_to", "download_media", "get_reply_message", "mark_read", "pin", "click")

	// telethon.sync (telethon/sync.py, 1.x) calls syncify(TelegramClient,
	// _TakeoutClient, Draft, Dialog, MessageButton, ChatGetter, SenderGetter,
	// Forward, Message, InlineResult, Conversation): every public coroutine
	// method of those classes becomes a wrapper that returns the coroutine
	// when the loop is running and runs it to completion otherwise. A script
	// that imports it (`import telethon.sync`, next to `from telethon import
	// TelegramClient`) calls the client synchronously.
	SyncShims = append(SyncShims, SyncShim{Module: "telethon.sync", Covers: []string{
		"telethon.TelegramClient.", "telethon.client.TelegramClient.", "telethon.tl.custom.Message.",
		"telethon.events.NewMessage.Event.get_sender", "telethon.events.NewMessage.Event.get_chat",
		"telethon.events.NewMessage.Event.get_input_sender", "telethon.events.NewMessage.Event.get_input_chat"}})

	// Pyrogram wraps every method so that, outside a running loop, it runs
	// synchronously: a call is a coroutine only in async code.
	pyrogramSkip := []string{"run", "on_message", "on_callback_query", "on_inline_query", "on_edited_message",
		"on_deleted_messages", "on_user_status", "on_raw_update", "on_disconnect", "on_chat_member_updated",
		"on_chosen_inline_result", "on_poll", "on_chat_join_request", "add_handler", "remove_handler",
		"get_chat_history", "get_dialogs", "get_chat_members", "search_messages", "search_global", "get_chat_photos",
		"iter_chat_members", "iter_dialogs", "iter_history", "stream_media", "name", "me", "loop", "storage",
		"workdir", "__aenter__", "__aexit__", "__enter__", "__exit__", "export_session_string",
		"stop_transmission", "parse_mode", "set_parse_mode", "compose", "idle"}
	for _, typ := range []string{"pyrogram.Client", "pyrogram.client.Client"} {
		coroutinesOfAnyMethod(typ, pyrogramSkip...)
		entry(typ + ".*").Roles |= InAsyncOnly
		returns(typ, "pyrogram.Client")
	}
	with(Coroutine|InAsyncOnly, prefixed("pyrogram.types.Message.", "reply", "reply_text", "reply_photo",
		"reply_document", "reply_video", "reply_audio", "reply_sticker", "reply_animation", "reply_media_group",
		"edit", "edit_text", "edit_caption", "edit_reply_markup", "delete", "forward", "copy", "download", "pin",
		"unpin", "click", "react")...)
	with(Coroutine|InAsyncOnly, prefixed("pyrogram.types.CallbackQuery.", "answer", "edit_message_text",
		"edit_message_reply_markup", "edit_message_caption", "edit_message_media")...)
}

// What awaiting a bot framework's send gives: the sent message, whose own
// methods (edit, reply, delete) are coroutines too (`sent = await
// ch.send(...)` then `sent.edit(...)` without await).
func init() {
	messageOf := func(msg string, roles Role, names ...string) {
		for _, n := range names {
			// Wildcard types (every method a coroutine) need the roles on
			// the entry itself: an entry of its own hides the wildcard's.
			with(roles, n)
			awaitReturns(n, msg)
		}
	}
	var discord []string
	for _, typ := range []string{"discord.abc.Messageable", "discord.TextChannel", "discord.User", "discord.Member",
		"discord.DMChannel", "discord.Thread", "discord.VoiceChannel", "discord.ext.commands.Context", "discord.Webhook"} {
		discord = append(discord, typ+".send", typ+".fetch_message")
	}
	discord = append(discord, "discord.ext.commands.Context.reply", "discord.Message.reply", "discord.Message.fetch",
		"discord.Interaction.original_response")
	messageOf("discord.Message", Coroutine, discord...)
	var pyrogram []string
	for _, typ := range []string{"pyrogram.Client", "pyrogram.client.Client"} {
		pyrogram = append(pyrogram, prefixed(typ+".", "send_message", "send_photo", "send_document", "send_video",
			"send_audio", "send_voice", "send_sticker", "send_animation", "edit_message_text", "edit_message_caption",
			"get_messages")...)
	}
	pyrogram = append(pyrogram, prefixed("pyrogram.types.Message.", "reply", "reply_text", "reply_photo",
		"reply_document", "reply_video", "reply_audio", "reply_sticker", "reply_animation", "edit", "edit_text",
		"edit_caption", "copy")...)
	messageOf("pyrogram.types.Message", Coroutine|InAsyncOnly, pyrogram...)
	messageOf("aiogram.types.Message", Coroutine, append(prefixed("aiogram.Bot.", "send_message", "send_photo",
		"send_document", "send_video", "send_audio", "send_voice", "send_sticker", "send_animation", "edit_message_text",
		"copy_message", "forward_message"), prefixed("aiogram.types.Message.", "answer", "reply", "answer_photo",
		"answer_document", "answer_video", "answer_audio", "answer_animation", "answer_voice", "answer_sticker",
		"reply_photo", "reply_document", "reply_video", "reply_audio", "reply_animation", "reply_sticker",
		"edit_text", "edit_caption", "forward", "send_copy")...)...)
	var telegram []string
	for _, typ := range []string{"telegram.Bot.", "telegram.ext.ExtBot."} {
		telegram = append(telegram, prefixed(typ, "send_message", "send_photo", "send_document", "send_video",
			"send_audio", "send_voice", "send_sticker", "send_animation", "forward_message")...)
	}
	telegram = append(telegram, prefixed("telegram.Message.", "reply_text", "reply_photo", "reply_document",
		"reply_video", "reply_audio", "reply_voice", "reply_sticker", "reply_animation", "reply_markdown",
		"reply_markdown_v2", "reply_html", "forward")...)
	messageOf("telegram.Message", Coroutine|InAsyncOnly, telegram...)
	messageOf("telethon.tl.custom.Message", Coroutine, "telethon.TelegramClient.send_message",
		"telethon.TelegramClient.send_file", "telethon.TelegramClient.edit_message", "telethon.events.NewMessage.Event.reply",
		"telethon.events.NewMessage.Event.respond", "telethon.tl.custom.Message.reply", "telethon.tl.custom.Message.respond",
		"telethon.tl.custom.Message.edit")
}

// Browser automation (Playwright's async API, pyppeteer).
func init() {
	// nodriver (undetected-chromedriver's async successor) and its fork
	// zendriver: `browser = await uc.start()`, `tab = await
	// browser.get(url)`, `elem = await tab.select("a")`, `await
	// elem.click()` (nodriver's docs, "Quickstart" and "Tabs"; browser.py's
	// `async def get(...) -> tab.Tab`). nodriver's `browser.stop()` is
	// synchronous and not listed; zendriver's is a coroutine (below).
	for _, lib := range []string{"nodriver", "zendriver"} {
		browser, tab, elem := lib+".Browser", lib+".Tab", lib+".Element"
		for _, start := range []string{lib + ".start", browser + ".create"} {
			coroutines(start)
			awaitReturns(start, browser)
		}
		coroutineMethods(browser, "get", "wait", "sleep", "grant_all_permissions", "tile_windows")
		awaitReturns(browser+".get", tab)
		coroutineMethods(tab, "get", "back", "forward", "reload", "find", "select", "find_all", "select_all", "xpath",
			"query_selector", "query_selector_all", "evaluate", "get_content", "save_screenshot", "wait_for", "sleep",
			"send", "wait", "close", "activate", "bring_to_front", "maximize", "minimize", "scroll_down", "scroll_up")
		awaitReturns(tab+".get", tab)
		for _, m := range []string{"find", "select", "query_selector", "wait_for"} {
			awaitReturns(tab+"."+m, elem)
		}
		// The plural finders give lists of elements (tab.py's `async def
		// select_all(...) -> List[Element]`, `find_all`, `query_selector_all`).
		for _, m := range []string{"find_all", "select_all", "query_selector_all"} {
			awaitIterates(tab+"."+m, elem)
		}
		coroutineMethods(elem, "click", "send_keys", "mouse_click", "mouse_move", "get_html", "apply", "scroll_into_view",
			"update", "save_screenshot", "clear_input", "focus", "get_position", "query_selector", "query_selector_all")
	}
	// zendriver made `Browser.stop()` a coroutine in its first release
	// (CHANGELOG 0.1.0, "Changed": "`Browser.stop()` is now async (so it
	// must be `await`ed)"; browser.py's `async def stop(self) -> None`,
	// which closes the connection, waits for the process and removes the
	// temporary profile); `update_targets` is an `async def` there too.
	// nodriver's stays synchronous.
	coroutineMethods("zendriver.Browser", "stop", "update_targets")
	const pw = "playwright.async_api."
	// async_playwright() returns a context manager whose `__aenter__` and
	// `start()` both give the Playwright object; `async with ... as p` binds
	// the call's type, so the manager is folded into Playwright and
	// `await async_playwright().start()` gives a Playwright too.
	returns(pw+"async_playwright", pw+"Playwright")
	coroutineMethods(pw+"Playwright", "start", "stop")
	awaitReturns(pw+"Playwright.start", pw+"Playwright")
	for _, engine := range []string{"chromium", "firefox", "webkit"} {
		LibraryAttrTypes[pw+"Playwright."+engine] = pw + "BrowserType"
	}
	coroutineMethods(pw+"BrowserType", "launch", "connect", "connect_over_cdp", "launch_persistent_context")
	awaitReturns(pw+"BrowserType.launch", pw+"Browser")
	awaitReturns(pw+"BrowserType.connect", pw+"Browser")
	awaitReturns(pw+"BrowserType.connect_over_cdp", pw+"Browser")
	awaitReturns(pw+"BrowserType.launch_persistent_context", pw+"BrowserContext")
	coroutineMethods(pw+"Browser", "new_page", "new_context", "close")
	awaitReturns(pw+"Browser.new_page", pw+"Page")
	awaitReturns(pw+"Browser.new_context", pw+"BrowserContext")
	coroutineMethods(pw+"BrowserContext", "new_page", "close", "add_cookies", "cookies", "storage_state", "add_init_script",
		"clear_cookies", "clear_permissions", "grant_permissions", "set_extra_http_headers", "set_geolocation",
		"set_offline", "route", "unroute", "expose_binding", "expose_function", "new_cdp_session")
	awaitReturns(pw+"BrowserContext.new_page", pw+"Page")
	pageMethods := []string{"goto", "click", "fill", "type", "press", "content", "title", "screenshot", "wait_for_selector",
		"wait_for_timeout", "wait_for_load_state", "wait_for_url", "evaluate", "close", "query_selector",
		"query_selector_all", "inner_text", "inner_html", "text_content", "get_attribute", "set_content", "reload",
		"pdf", "set_viewport_size", "select_option", "check", "hover", "go_back", "set_extra_http_headers",
		"route", "unroute", "add_init_script", "expose_function", "expose_binding", "dblclick", "focus", "tap",
		"wait_for_function", "go_forward", "emulate_media", "bring_to_front", "set_input_files", "dispatch_event",
		"drag_and_drop", "add_script_tag", "add_style_tag", "is_visible", "is_hidden", "is_enabled", "is_checked",
		"input_value", "uncheck"}
	coroutineMethods(pw+"Page", pageMethods...)
	returns(pw+"Page.locator", pw+"Locator")
	// Navigation gives the main resource's Response; the objects events pass
	// to handlers (types.go) have coroutine methods of their own.
	for _, m := range []string{"goto", "reload", "go_back", "go_forward"} {
		awaitReturns(pw+"Page."+m, pw+"Response")
	}
	coroutineMethods(pw+"Response", "json", "text", "body", "finished", "all_headers", "header_value",
		"header_values", "headers_array", "server_addr", "security_details")
	coroutineMethods(pw+"Request", "response", "all_headers", "header_value", "headers_array", "sizes")
	awaitReturns(pw+"Request.response", pw+"Response")
	coroutineMethods(pw+"Dialog", "accept", "dismiss")
	coroutineMethods(pw+"Download", "path", "save_as", "delete", "failure", "cancel")
	coroutineMethods(pw+"FileChooser", "set_files")
	coroutineMethods(pw+"WebSocket", "wait_for_event")
	coroutineMethods(pw+"Frame", "goto", "content", "title", "evaluate", "wait_for_selector", "wait_for_load_state",
		"wait_for_url", "wait_for_timeout", "wait_for_function", "click", "fill", "type", "press", "query_selector",
		"query_selector_all", "inner_text", "inner_html", "text_content", "get_attribute", "set_content", "frame_element")
	awaitReturns(pw+"Frame.goto", pw+"Response")
	coroutineMethods(pw+"Locator", "click", "fill", "type", "press", "text_content", "inner_text", "inner_html",
		"count", "is_visible", "is_enabled", "wait_for", "get_attribute", "all_text_contents", "screenshot", "check",
		"hover", "select_option", "input_value")
	// The rest of a Locator's actions and queries are coroutines too
	// (Playwright's "Locator" page: `async def bounding_box`,
	// `is_hidden`, `evaluate`, `dblclick`...). `all()` gives a list of
	// Locators, one per element the locator matches, so iterating `await
	// loc.all()` gives Locators (its page: "for li in await
	// page.get_by_role('listitem').all(): await li.click()").
	coroutineMethods(pw+"Locator", "all", "all_inner_texts", "aria_snapshot", "blur", "bounding_box", "clear", "dblclick",
		"dispatch_event", "drag_to", "element_handle", "element_handles", "evaluate", "evaluate_all", "evaluate_handle",
		"focus", "highlight", "is_checked", "is_disabled", "is_editable", "is_hidden", "press_sequentially",
		"scroll_into_view_if_needed", "select_text", "set_checked", "set_input_files", "tap", "uncheck")
	awaitIterates(pw+"Locator.all", pw+"Locator")
	// Locators are built by plain methods that return at once (the
	// "Locators" guide: "locators are lazy"; `def locator(...) -> Locator`,
	// `def get_by_role(...) -> Locator`, `def nth`, `def filter`, and the
	// `first`/`last` properties): the call's value is a Locator, which
	// `await` refuses ("object Locator can't be used in 'await'
	// expression"). The same holds for frame locators and for the
	// handlers' registration and timeout setters (`page.on(...)`,
	// `set_default_timeout`, `is_closed`), which return None or a bool.
	builders := []string{"locator", "get_by_role", "get_by_text", "get_by_label", "get_by_placeholder",
		"get_by_alt_text", "get_by_title", "get_by_test_id"}
	for _, owner := range []string{"Page", "Frame", "Locator", "FrameLocator"} {
		plainReturning(pw+owner, pw+"Locator", builders...)
		if owner != "FrameLocator" {
			plainReturning(pw+owner, pw+"FrameLocator", "frame_locator")
		}
	}
	plainReturning(pw+"Locator", pw+"Locator", "nth", "filter", "and_", "or_")
	plainReturning(pw+"FrameLocator", pw+"FrameLocator", "nth")
	for _, attr := range []string{"first", "last"} {
		LibraryAttrTypes[pw+"Locator."+attr] = pw + "Locator"
		LibraryAttrTypes[pw+"FrameLocator."+attr] = pw + "FrameLocator"
	}
	plainMethods(pw+"Page", "is_closed", "set_default_timeout", "set_default_navigation_timeout", "on", "once",
		"remove_listener")
	plainMethods(pw+"BrowserContext", "set_default_timeout", "set_default_navigation_timeout", "on", "once",
		"remove_listener")
	plainMethods(pw+"Browser", "is_connected", "on", "once", "remove_listener")
	// A page's keyboard and mouse (properties) drive input with coroutines
	// ("Keyboard" and "Mouse" pages: `await page.keyboard.press("Enter")`,
	// `await page.mouse.move(x, y)`); a page's context and main frame are
	// properties too.
	LibraryAttrTypes[pw+"Page.keyboard"] = pw + "Keyboard"
	LibraryAttrTypes[pw+"Page.mouse"] = pw + "Mouse"
	LibraryAttrTypes[pw+"Page.context"] = pw + "BrowserContext"
	LibraryAttrTypes[pw+"Page.main_frame"] = pw + "Frame"
	coroutineMethods(pw+"Keyboard", "down", "up", "press", "type", "insert_text")
	// Web-first assertions: `expect(...)` is a plain function that gives an
	// assertions object for a locator, a page or an API response, whose
	// matchers are coroutines in the async API (the "Assertions" page:
	// `await expect(page.get_by_text("Welcome")).to_be_visible()`); a
	// matcher left un-awaited asserts nothing. One record holds the three
	// classes' matchers and their `not_` forms (LocatorAssertions,
	// PageAssertions, APIResponseAssertions: the names do not overlap).
	returns(pw+"expect", pw+"LocatorAssertions")
	for _, m := range []string{"to_be_attached", "to_be_checked", "to_be_disabled", "to_be_editable", "to_be_empty",
		"to_be_enabled", "to_be_focused", "to_be_hidden", "to_be_in_viewport", "to_be_visible", "to_contain_class",
		"to_contain_text", "to_have_accessible_description", "to_have_accessible_error_message",
		"to_have_accessible_name", "to_have_attribute", "to_have_class", "to_have_count", "to_have_css", "to_have_id",
		"to_have_js_property", "to_have_role", "to_have_text", "to_have_value", "to_have_values",
		"to_match_aria_snapshot", "to_have_title", "to_have_url", "to_be_ok"} {
		coroutineMethods(pw+"LocatorAssertions", m, "not_"+m)
	}
	coroutineMethods(pw+"Mouse", "click", "dblclick", "down", "up", "move", "wheel")
	// Element handles: `await page.query_selector(sel)` gives one (or
	// None), `await page.query_selector_all(sel)` a list of them; their
	// actions and queries are coroutines ("ElementHandle" page).
	for _, owner := range []string{"Page", "Frame", "ElementHandle"} {
		awaitReturns(pw+owner+".query_selector", pw+"ElementHandle")
		awaitIterates(pw+owner+".query_selector_all", pw+"ElementHandle")
	}
	awaitReturns(pw+"Page.wait_for_selector", pw+"ElementHandle")
	awaitReturns(pw+"Frame.wait_for_selector", pw+"ElementHandle")
	coroutineMethods(pw+"ElementHandle", "bounding_box", "check", "click", "content_frame", "dblclick",
		"dispatch_event", "fill", "focus", "get_attribute", "hover", "inner_html", "inner_text", "input_value",
		"is_checked", "is_disabled", "is_editable", "is_enabled", "is_hidden", "is_visible", "press", "query_selector",
		"query_selector_all", "screenshot", "scroll_into_view_if_needed", "select_option", "select_text",
		"set_input_files", "tap", "text_content", "type", "uncheck", "wait_for_element_state", "wait_for_selector",
		"evaluate", "dispose")

	coroutines("pyppeteer.launch", "pyppeteer.connect")
	awaitReturns("pyppeteer.launch", "pyppeteer.browser.Browser")
	awaitReturns("pyppeteer.connect", "pyppeteer.browser.Browser")
	coroutineMethods("pyppeteer.browser.Browser", "newPage", "close", "pages", "createIncognitoBrowserContext", "version")
	awaitReturns("pyppeteer.browser.Browser.newPage", "pyppeteer.page.Page")
	coroutineMethods("pyppeteer.page.Page", "goto", "click", "type", "content", "title", "screenshot", "waitForSelector",
		"waitFor", "evaluate", "close", "querySelector", "querySelectorAll", "setViewport", "pdf", "reload",
		"setUserAgent", "waitForNavigation", "cookies", "setCookie", "setContent", "focus", "hover", "select")
	// pyppeteer's element handles (pyppeteer/element_handle.py): `await
	// page.querySelector(sel)` (alias `J`) gives one, `await
	// page.querySelectorAll(sel)` (alias `JJ`) a list; their input and
	// query methods are `async def`.
	const ppEl = "pyppeteer.element_handle.ElementHandle"
	coroutineMethods("pyppeteer.page.Page", "J", "JJ")
	for _, m := range []string{"querySelector", "J", "waitForSelector"} {
		awaitReturns("pyppeteer.page.Page."+m, ppEl)
	}
	for _, m := range []string{"querySelectorAll", "JJ"} {
		awaitIterates("pyppeteer.page.Page."+m, ppEl)
	}
	coroutineMethods(ppEl, "click", "type", "press", "hover", "focus", "tap", "screenshot", "boundingBox",
		"uploadFile", "querySelector", "querySelectorAll", "isIntersectingViewport", "contentFrame")
	awaitReturns(ppEl+".querySelector", ppEl)
	awaitIterates(ppEl+".querySelectorAll", ppEl)
}

// Message brokers: aio-pika (RabbitMQ) and aiokafka.
func init() {
	const ap = "aio_pika."
	connections := []string{ap + "Connection", ap + "RobustConnection", ap + "connection.Connection",
		ap + "robust_connection.RobustConnection", ap + "abc.AbstractConnection", ap + "abc.AbstractRobustConnection"}
	channels := []string{ap + "Channel", ap + "RobustChannel", ap + "channel.Channel", ap + "robust_channel.RobustChannel",
		ap + "abc.AbstractChannel", ap + "abc.AbstractRobustChannel"}
	exchanges := []string{ap + "Exchange", ap + "RobustExchange", ap + "exchange.Exchange", ap + "abc.AbstractExchange",
		ap + "abc.AbstractRobustExchange"}
	queues := []string{ap + "Queue", ap + "RobustQueue", ap + "queue.Queue", ap + "abc.AbstractQueue",
		ap + "abc.AbstractRobustQueue"}
	messages := []string{ap + "IncomingMessage", ap + "message.IncomingMessage", ap + "abc.AbstractIncomingMessage"}
	coroutines(ap+"connect", ap+"connect_robust")
	awaitReturns(ap+"connect", ap+"Connection")
	awaitReturns(ap+"connect_robust", ap+"RobustConnection")
	for _, c := range connections {
		// channel() is not one: its result is awaited or entered with `async with`.
		coroutineMethods(c, "connect", "close", "ready", "update_secret")
		// Awaiting it gives the channel (README: `channel = await
		// connection.channel()`): aio_pika/connection.py's `def channel(...)
		// -> AbstractChannel` returns the channel, whose `__await__` opens
		// it and gives it back (a coroutine `-> Channel` in aio-pika 1.x,
		// the same value awaited). Only the awaited value is recorded: what
		// the bare call gives differs between releases.
		channel := ap + "Channel"
		if strings.Contains(c, "Robust") {
			channel = ap + "RobustChannel"
		}
		awaitReturns(c+".channel", channel)
	}
	for _, c := range channels {
		coroutineMethods(c, "declare_exchange", "declare_queue", "get_exchange", "get_queue", "set_qos",
			"queue_delete", "exchange_delete", "close", "initialize", "reopen")
		awaitReturns(c+".declare_queue", ap+"Queue")
		awaitReturns(c+".get_queue", ap+"Queue")
		awaitReturns(c+".declare_exchange", ap+"Exchange")
		awaitReturns(c+".get_exchange", ap+"Exchange")
		LibraryAttrTypes[c+".default_exchange"] = ap + "Exchange"
	}
	for _, e := range exchanges {
		coroutineMethods(e, "publish", "bind", "unbind", "delete")
	}
	for _, q := range queues {
		// iterator() is not one: it returns the async iterator at once.
		coroutineMethods(q, "declare", "bind", "unbind", "consume", "cancel", "get", "purge", "delete")
	}
	for _, m := range messages {
		// Coroutines since aio-pika 7; process() is not one: it returns an
		// async context manager.
		coroutineMethods(m, "ack", "nack", "reject")
	}

	const ak = "aiokafka."
	for _, p := range []string{ak + "AIOKafkaProducer", ak + "producer.AIOKafkaProducer"} {
		// send() is one: awaiting it queues the message and gives the
		// delivery future.
		coroutineMethods(p, "start", "stop", "send", "send_and_wait", "send_batch", "flush", "begin_transaction",
			"commit_transaction", "abort_transaction", "send_offsets_to_transaction", "partitions_for")
	}
	for _, c := range []string{ak + "AIOKafkaConsumer", ak + "consumer.AIOKafkaConsumer"} {
		coroutineMethods(c, "start", "stop", "getone", "getmany", "commit", "committed", "seek_to_beginning",
			"seek_to_end", "seek_to_committed", "position", "topics", "beginning_offsets", "end_offsets",
			"offsets_for_times")
	}
}

// fastmcp (the standalone FastMCP 2.x, not the MCP SDK's
// mcp.server.fastmcp.FastMCP, whose tool manager is synchronous): a server
// lists and gets its components with coroutine methods, and so does the tool
// manager projects reach through the server's `_tool_manager` ("coroutine
// 'ToolManager.list_tools' was never awaited" when iterated directly).
func init() {
	const manager = "fastmcp.tools.tool_manager.ToolManager"
	for _, server := range []string{"fastmcp.FastMCP", "fastmcp.server.FastMCP", "fastmcp.server.server.FastMCP"} {
		returns(server, "fastmcp.FastMCP")
		coroutineMethods(server, "list_tools", "get_tools", "get_tool", "get_resources", "get_resource_templates",
			"get_prompts", "run_async", "run_stdio_async", "run_http_async")
		LibraryAttrTypes[server+"._tool_manager"] = manager
	}
	for _, m := range []string{manager, "fastmcp.tools.ToolManager"} {
		coroutineMethods(m, "list_tools", "get_tools", "call_tool")
		entry(m + ".list_tools").Note = "a coroutine method in fastmcp 2.x"
	}
}

// The MCP SDK's client session (mcp.ClientSession, defined in
// mcp/client/session.py): every request to the server is an `async def`
// (initialize, send_ping, list_tools, call_tool, list_resources,
// list_resource_templates, read_resource, subscribe_resource,
// unsubscribe_resource, list_prompts, get_prompt, complete,
// set_logging_level, send_progress_notification,
// send_roots_list_changed), and the session is an async context manager
// whose __aenter__ returns the session. A call without await sends nothing;
// its coroutine is what the client then reads (`result =
// self.session.call_tool(name, args); result.content`, `response =
// self.session.list_tools(); response.tools`).
func init() {
	for _, s := range []string{"mcp.ClientSession", "mcp.client.session.ClientSession"} {
		returns(s, s)
		coroutineMethods(s, "initialize", "send_ping", "send_progress_notification", "set_logging_level",
			"list_resources", "list_resource_templates", "read_resource", "subscribe_resource",
			"unsubscribe_resource", "call_tool", "list_prompts", "get_prompt", "complete", "list_tools",
			"send_roots_list_changed", "__aenter__", "__aexit__")
	}
}

// crewAI's Crew runs its agents' tasks with `kickoff` (synchronous: every
// LLM and tool call of every task, minutes of network I/O on the calling
// thread) or with its asynchronous twins `kickoff_async` and
// `kickoff_for_each_async`, `async def`s that run the synchronous kickoff
// in a worker thread (crewai/crew.py; crewAI's docs, "Kickoff Crew
// Asynchronously", show them awaited). A coroutine that calls kickoff holds
// the event loop for the whole run; kickoff_async without await runs
// nothing.
func init() {
	const crewAlt = "await the async twin (`await crew.kickoff_async(...)`) or `await asyncio.to_thread(crew.kickoff, ...)`"
	for _, c := range []string{"crewai.Crew", "crewai.crew.Crew"} {
		returns(c, c)
		coroutineMethods(c, "kickoff_async", "kickoff_for_each_async")
		serviceRequests("ASL202", crewAlt, c+".kickoff", c+".kickoff_for_each")
	}
}

// LangChain's legacy LLMChain (langchain.chains.LLMChain, kept in
// langchain-classic) answers with `run`, `predict` and `invoke`, synchronous
// calls that hold the thread for the model's whole response (a chat
// model's HTTP request, or a local model's inference), and has asynchronous
// twins for a coroutine (LangChain Reference, langchain-classic
// chains.base.Chain.arun: "Convenience method for executing chain ...
// `await chain.arun(...)`"; Runnable.ainvoke, "Invoke this Runnable
// asynchronously"). The receiver is typed from the constructor
// (`chain = LLMChain(llm=..., prompt=...)`), never from the bare method
// names, which other objects share.
func init() {
	const chainAlt = "await the async twin (`await chain.arun(...)`, `apredict`, `ainvoke`) or `await asyncio.to_thread(chain.run, ...)`"
	const qaAlt = "await the async twin (`await chain.ainvoke(...)`, `arun`) or `await asyncio.to_thread(chain.invoke, ...)`"
	for _, c := range []string{"langchain.LLMChain", "langchain.chains.LLMChain", "langchain.chains.llm.LLMChain",
		"langchain_classic.chains.LLMChain", "langchain_classic.chains.llm.LLMChain"} {
		returns(c, c)
		coroutineMethods(c, "arun", "apredict", "ainvoke")
		serviceRequests("ASL202", chainAlt, c+".run", c+".predict", c+".invoke")
	}
	// RetrievalQA, the legacy retrieval chain (langchain and
	// langchain-classic chains/retrieval_qa/base.py: `class
	// BaseRetrievalQA(Chain)`, `class RetrievalQA(BaseRetrievalQA)`, built
	// by the classmethods `from_llm` and `from_chain_type`): the same
	// Chain `run`/`invoke`, which retrieve the documents and call the model
	// synchronously, with the same async twins.
	for _, c := range []string{"langchain.chains.RetrievalQA", "langchain.chains.retrieval_qa.base.RetrievalQA",
		"langchain_classic.chains.RetrievalQA", "langchain_classic.chains.retrieval_qa.base.RetrievalQA"} {
		returns(c, c)
		returns(c+".from_chain_type", c)
		returns(c+".from_llm", c)
		coroutineMethods(c, "arun", "ainvoke")
		serviceRequests("ASL202", qaAlt, c+".run", c+".invoke")
	}
}

// The request context a tool, resource or prompt of an MCP server receives
// (`ctx: Context`): in the MCP SDK (mcp.server.fastmcp.server.Context) and
// in the standalone fastmcp (fastmcp.server.context.Context) its progress,
// logging, resource and client requests are `async def`: each sends a
// message to the client, and a call without await sends nothing
// ("coroutine 'Context.report_progress' was never awaited"). Its
// properties (request_id, client_id, session, fastmcp) stay unrecorded.
func init() {
	sdk := []string{"report_progress", "read_resource", "log", "debug", "info", "warning", "error", "elicit"}
	for _, ctx := range []string{"mcp.server.fastmcp.Context", "mcp.server.fastmcp.server.Context"} {
		coroutineMethods(ctx, sdk...)
	}
	for _, ctx := range []string{"fastmcp.Context", "fastmcp.server.Context", "fastmcp.server.context.Context"} {
		coroutineMethods(ctx, append(sdk, "sample", "list_roots")...)
	}
}

// Google ADK: the context a tool (`tool_context: ToolContext`) or an agent
// callback (`callback_context: CallbackContext`) receives reaches the
// artifact, credential and memory services through `async def` methods (ADK
// 1.x; the 0.x load_artifact and save_artifact were synchronous). A call
// without await does nothing, and its coroutine is what the caller then
// tests or iterates (`if name in tool_context.list_artifacts():`). The
// state, actions and request_credential stay unrecorded.
func init() {
	callback := []string{"load_artifact", "save_artifact", "list_artifacts", "get_artifact_version",
		"save_credential", "load_credential", "add_session_to_memory"}
	for _, ctx := range []string{"google.adk.agents.callback_context.CallbackContext", "google.adk.agents.CallbackContext"} {
		coroutineMethods(ctx, callback...)
	}
	for _, ctx := range []string{"google.adk.tools.ToolContext", "google.adk.tools.tool_context.ToolContext"} {
		coroutineMethods(ctx, append(callback, "search_memory")...)
	}
	// The services a Runner is built with: sessions, artifacts and memory
	// are read and written with `async def` methods (ADK 1.x; the in-memory
	// session service also has `create_session_sync` and the like, which
	// stay unrecorded). `session = session_service.create_session(...)`
	// without await leaves a coroutine where the session's `state` is read.
	services := map[string][]string{
		"sessions":  {"create_session", "get_session", "list_sessions", "delete_session", "append_event"},
		"artifacts": {"save_artifact", "load_artifact", "list_artifact_keys", "delete_artifact", "list_versions"},
		"memory":    {"add_session_to_memory", "search_memory"},
	}
	for pkg, classes := range map[string][]string{
		"sessions": {"in_memory_session_service.InMemorySessionService", "database_session_service.DatabaseSessionService",
			"vertex_ai_session_service.VertexAiSessionService", "base_session_service.BaseSessionService"},
		"artifacts": {"in_memory_artifact_service.InMemoryArtifactService", "gcs_artifact_service.GcsArtifactService",
			"base_artifact_service.BaseArtifactService"},
		"memory": {"in_memory_memory_service.InMemoryMemoryService", "vertex_ai_rag_memory_service.VertexAiRagMemoryService",
			"base_memory_service.BaseMemoryService"},
	} {
		for _, c := range classes {
			module, class, _ := strings.Cut(c, ".")
			for _, typ := range []string{"google.adk." + pkg + "." + class, "google.adk." + pkg + "." + module + "." + class} {
				returns(typ, typ)
				coroutineMethods(typ, services[pkg]...)
			}
		}
	}
	// A Runner keeps the services it was built with in `session_service`,
	// `artifact_service` and `memory_service` (runners.py: `self.session_service
	// = session_service`, annotated BaseSessionService and the like), and
	// InMemoryRunner builds its own in-memory ones (`session_service=
	// InMemorySessionService()`, `artifact_service=InMemoryArtifactService()`,
	// `memory_service=InMemoryMemoryService()` in its __init__; ADK 1.x and
	// 2.x): `runner.session_service.create_session(...)` is a coroutine call
	// (google/adk-docs' callback examples, bench/realbugs60).
	for _, runner := range []string{"google.adk.runners.Runner", "google.adk.Runner"} {
		returns(runner, runner)
		LibraryAttrTypes[runner+".session_service"] = "google.adk.sessions.BaseSessionService"
		LibraryAttrTypes[runner+".artifact_service"] = "google.adk.artifacts.BaseArtifactService"
		LibraryAttrTypes[runner+".memory_service"] = "google.adk.memory.BaseMemoryService"
	}
	inMemory := "google.adk.runners.InMemoryRunner"
	returns(inMemory, inMemory)
	LibraryAttrTypes[inMemory+".session_service"] = "google.adk.sessions.InMemorySessionService"
	LibraryAttrTypes[inMemory+".artifact_service"] = "google.adk.artifacts.InMemoryArtifactService"
	LibraryAttrTypes[inMemory+".memory_service"] = "google.adk.memory.InMemoryMemoryService"
}

// Deepgram's Python SDK (v3): `DeepgramClient(...).listen.asyncwebsocket.v("1")`
// (the older spelling `listen.asynclive.v("1")`) is the asynchronous live
// transcription client, whose connection methods are `async def`: audio
// handed to `send` without await is never sent. `on` (registering a
// handler) is synchronous. `listen.asyncrest.v("1")` (`asyncprerecorded`)
// transcribes a file or URL with coroutine methods. The synchronous
// clients (`listen.websocket`, `listen.rest`) stay unrecorded.
func init() {
	returns("deepgram.DeepgramClient", "deepgram.DeepgramClient")
	live := []string{"start", "send", "keep_alive", "finalize", "finish"}
	for route, client := range map[string]string{"asyncwebsocket": "deepgram.AsyncListenWebSocketClient",
		"asynclive": "deepgram.AsyncLiveClient"} {
		returns("deepgram.DeepgramClient.listen."+route+".v", client)
		coroutineMethods(client, live...)
	}
	for route, client := range map[string]string{"asyncrest": "deepgram.AsyncListenRESTClient",
		"asyncprerecorded": "deepgram.AsyncPreRecordedClient"} {
		returns("deepgram.DeepgramClient.listen."+route+".v", client)
		coroutineMethods(client, "transcribe_url", "transcribe_file")
	}
}

// openAIRequests are the attribute paths of the OpenAI clients' API calls
// (each an HTTP request): coroutines on AsyncOpenAI, blocking on OpenAI.
var openAIRequests = []string{"chat.completions.create", "completions.create", "embeddings.create", "responses.create",
	"images.generate", "moderations.create", "beta.chat.completions.parse", "chat.completions.parse", "models.list",
	"audio.transcriptions.create"}

// openAIV0Resources are openai-python 0.x's module-level resource classes
// whose `create` is one request (blocking) and `acreate` its async twin.
var openAIV0Resources = []string{"ChatCompletion", "Completion", "Embedding", "Edit"}

// anthropicRequests are the same for Anthropic's clients.
var anthropicRequests = []string{"messages.create", "completions.create", "messages.count_tokens"}

// geminiRequests are the same for google-genai's Client (blocking) and its
// `aio` attribute (coroutines).
var geminiRequests = []string{"models.generate_content", "models.generate_content_stream", "models.embed_content",
	"models.count_tokens", "models.generate_images", "models.generate_videos", "models.compute_tokens",
	"files.upload", "files.get", "files.delete"}

// geminiServiceRequests, added by the twenty-second session (libcov22),
// are the list, batch and cache calls, the same for the Client and
// `client.aio`: google/genai/batches.py's Batches.create/get/cancel/delete
// are plain methods that send the request, and Batches.list returns
// `Pager(..., self._list(config=config), ...)`, the first page's request
// made at the call; AsyncBatches' same names are `async def`s (`batch_job =
// await client.aio.batches.create(...)`, `async for batch_job in await
// client.aio.batches.list()`). Models.list and the generated
// Caches/AsyncCaches modules follow the same pattern. Recorded as service
// requests (matched on the typed receiver only: their last names, `get`,
// `list`, `delete`, are everyone's).
var geminiServiceRequests = []string{"models.list", "batches.create", "batches.get", "batches.cancel",
	"batches.delete", "batches.list", "caches.create", "caches.get", "caches.update", "caches.delete", "caches.list"}

// asyncclick, click ported to anyio: since 8.3 its prompt is a coroutine
// function (confirm, echo and the rest stay synchronous). Projects import it
// as `click`. Before 8.3 prompt was synchronous, so a call counts as a
// coroutine in async code only, where the older synchronous prompt would
// have blocked the loop on stdin anyway.
func init() {
	with(Coroutine|InAsyncOnly, "asyncclick.prompt", "asyncclick.termui.prompt")
	for _, n := range []string{"asyncclick.prompt", "asyncclick.termui.prompt"} {
		entry(n).Note = "a coroutine function since asyncclick 8.3"
	}
}

// LiteLLM's calls: the async twins (litellm.acompletion...) and the
// synchronous ones they mirror, each one request to the model provider.
var (
	litellmAsyncCalls = []string{"acompletion", "atext_completion", "aembedding", "aimage_generation", "amoderation",
		"atranscription", "aspeech"}
	litellmSyncCalls = []string{"completion", "text_completion", "embedding", "image_generation", "moderation",
		"transcription", "speech"}
	// langchainChatOpenAI are the import paths of LangChain's ChatOpenAI
	// (blocking.go), langchainSyncCalls its synchronous Runnable and
	// BaseChatModel methods that make the request.
	langchainChatOpenAI = []string{"langchain_openai.ChatOpenAI", "langchain_openai.chat_models.ChatOpenAI",
		"langchain_openai.chat_models.base.ChatOpenAI", "langchain_community.chat_models.ChatOpenAI",
		"langchain_community.chat_models.openai.ChatOpenAI", "langchain.chat_models.ChatOpenAI",
		"langchain.chat_models.openai.ChatOpenAI"}
	langchainSyncCalls = []string{"invoke", "batch", "predict", "predict_messages", "generate", "generate_prompt"}
)

// Tortoise ORM's configuration class: `Tortoise.init(...)`,
// `Tortoise.generate_schemas()` and `Tortoise.close_connections()` are
// `async def` classmethods (tortoise/__init__.py; the "Set up" page of
// tortoise.github.io shows `await Tortoise.init(db_url=..., modules=...)`,
// `await Tortoise.generate_schemas()` and, for cleaning up, `await
// Tortoise.close_connections()`). A call without await connects nothing and
// creates no table. Its synchronous runner `tortoise.run_async(coro)` and
// `Tortoise.get_connection` stay unrecorded.
func init() {
	coroutineMethods("tortoise.Tortoise", "init", "generate_schemas", "close_connections", "_drop_databases")
}

// asyncdb's data models (phenobarbital/asyncdb, asyncdb/models/model.py,
// `class Model(BaseModel)`, exported as `asyncdb.models.Model`): the
// instance methods that talk to the database (`insert`, `update`,
// `delete`, `save`, `fetch`, `close`) and the classmethods that query it
// (`create`, `remove`, `updating`, `deleting`, `select`, `filter`, `get`,
// `all`, `makeModel`) are all `async def`, each awaiting the model's
// connection (`await cls.Meta.connection._get_(_model=cls, **kwargs)`).
// `MyModel.get(id=...)` without await returns a coroutine, not the row.
// The synchronous helpers (`set_connection`, `get_connection`, `model`,
// `schema`) stay unrecorded. Recorded on the class, so only a model
// deriving from it is concerned, never another library's `get`.
func init() {
	for _, model := range []string{"asyncdb.models.Model", "asyncdb.models.model.Model"} {
		coroutineMethods(model, "insert", "update", "delete", "save", "fetch", "close", "create", "remove",
			"updating", "deleting", "select", "filter", "get", "all", "makeModel")
	}
}

// Tortoise ORM's models and querysets. A model's query methods build a
// QuerySet lazily (tortoise/models.py: `Model.all`, `filter`, `exclude`,
// `annotate` return a QuerySet; tortoise/queryset.py: the QuerySet's `all`,
// `filter`, `order_by`... return a QuerySet). Its `update`, `delete`,
// `count` and `exists` return an UpdateQuery, DeleteQuery, CountQuery and
// ExistsQuery that run only when awaited ("Update all objects in QuerySet
// with given kwargs ... `await Employee.filter(occupation='developer')
// .update(salary=5000)`", QuerySet.update's docstring): dropped, nothing is
// written; tested, the query object is always true. The model's `create`,
// `get_or_create` and `update_or_create` classmethods and its instances'
// `save`, `delete`, `fetch_related` and `refresh_from_db` are `async def`
// (tortoise/models.py; the docs' "Models" page: `await
// Tournament.create(name='New Tournament')`, `await tournament.save()`).
// Awaiting `create` gives the model instance. `get`, `get_or_none` and
// `first` give a QuerySetSingle that the docs chain before awaiting (`await
// Channel.get(...).prefetch_related(...)`): not recorded.
func init() {
	const (
		model = "tortoise.models.Model"
		qs    = "tortoise.queryset.QuerySet"
	)
	LibraryBases["tortoise.Model"] = []string{model}
	for _, m := range []string{"all", "filter", "exclude", "annotate"} {
		returns(model+"."+m, qs)
	}
	for _, m := range []string{"all", "filter", "exclude", "annotate", "order_by", "limit", "offset", "distinct",
		"select_related", "prefetch_related", "only", "group_by", "using_db", "select_for_update"} {
		returns(qs+"."+m, qs)
	}
	with(Coroutine|Awaitable, prefixed(qs+".", "update", "delete", "count", "exists")...)
	coroutineMethods(model, "create", "get_or_create", "update_or_create", "save", "delete", "fetch_related",
		"refresh_from_db")
	awaitReturns(model+".create", model)
}

// HandlerRequestType is the request a handler that returns the response
// response (one with ReturnedByCoroutineHandlers) receives as its only
// argument, or "": aiohttp calls a handler with its web.Request ("accepts
// a Request instance as its only parameter", Web Server Quickstart).
func HandlerRequestType(response string) string {
	if api, _ := Lookup(response); api.ReturnedByCoroutineHandlers && strings.HasPrefix(response, "aiohttp.") {
		return "aiohttp.web.Request"
	}
	return ""
}
