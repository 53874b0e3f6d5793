package pylib

// Libraries added by the twenty-third session's coverage audit (branch
// `libcov23a`, docs/pylib-coverage.md, "AI, agent and data libraries"):
// agent and retrieval frameworks, vector and graph databases, and the
// hosted tools LLM applications call. Each records an async client's
// coroutine methods (a call without await sends nothing) and, where the
// library has one, its synchronous twin's requests (ASL202 in a coroutine).
// As everywhere in pylib, matched on a receiver typed as the library's
// class (constructor, factory's return or await result, annotation,
// project subclass), never on a method's name alone: `run`, `search`,
// `add`, `get` and `scrape` mean other things on other objects.

const (
	firecrawlAlt = "use `firecrawl.AsyncFirecrawl` (`AsyncFirecrawlApp`) and await it, or `await asyncio.to_thread(...)`"
	e2bAlt       = "use `AsyncSandbox` (`sandbox = await AsyncSandbox.create()`) and await its calls, or `await asyncio.to_thread(...)`"
	cassandraAlt = "run it with `await asyncio.to_thread(...)`, or wait for `execute_async(...)` with a callback " +
		"(`add_callbacks`) bridged to an asyncio future"
	haystackAlt = "use `haystack.AsyncPipeline` and `await pipeline.run_async(...)`, or `await asyncio.to_thread(pipeline.run, ...)`"
	lgSDKAlt    = "use `langgraph_sdk.get_client()` and await its calls, or `await asyncio.to_thread(...)`"
	lgSaverAlt  = "use the async saver (`AsyncPostgresSaver`, `AsyncSqliteSaver`) and await it, or `await asyncio.to_thread(...)`"
	redisOMAlt  = "use `aredis_om` (the async API of redis-om) and await it, or `await asyncio.to_thread(...)`"
	mem0Alt     = "use `mem0.AsyncMemory` / `AsyncMemoryClient` and await it, or `await asyncio.to_thread(...)`"
	voyageAlt   = "use `voyageai.AsyncClient` and await it, or `await asyncio.to_thread(...)`"
	exaAlt      = "run it with `await asyncio.to_thread(...)`"
)

var (
	// Firecrawl's client surface (firecrawl-py 4.x firecrawl/client.py:
	// Firecrawl and AsyncFirecrawl bind the same names from the v2 clients,
	// `FirecrawlApp = Firecrawl`, `AsyncFirecrawlApp = AsyncFirecrawl`;
	// the v1 names scrape_url/crawl_url/map_url/... are kept on both, and
	// were the 1.x/2.x FirecrawlApp's and AsyncFirecrawlApp's own).
	firecrawlRequests = []string{"scrape", "search", "map", "crawl", "start_crawl", "get_crawl_status", "cancel_crawl",
		"get_crawl_errors", "batch_scrape", "start_batch_scrape", "get_batch_scrape_status", "cancel_batch_scrape",
		"extract", "start_extract", "get_extract_status", "agent", "parse", "scrape_url", "crawl_url", "map_url",
		"async_crawl_url", "check_crawl_status", "batch_scrape_urls", "async_batch_scrape_urls",
		"check_batch_scrape_status"}
	// e2b's sandbox (e2b/sandbox_async/main.py: is_running, kill,
	// set_timeout, get_metrics are `async def`s; `files` and `commands`
	// are properties giving the Filesystem and Commands modules).
	e2bSandboxCalls  = []string{"kill", "set_timeout", "is_running", "get_metrics"}
	e2bFilesCalls    = []string{"read", "write", "list", "exists", "remove", "rename", "make_dir", "get_info"}
	e2bCommandsCalls = []string{"run", "list", "kill", "send_stdin", "connect"}
	// neo4j's AsyncResult (src/neo4j/_async/work/result.py: consume,
	// single, fetch, peek, graph, value, values, data, to_df and
	// to_eager_result are `async def`s; keys() is plain).
	neo4jAsyncResultCalls = []string{"consume", "single", "fetch", "peek", "graph", "value", "values", "data", "to_df",
		"to_eager_result"}
	// Pinecone's asyncio index (pinecone's IndexAsyncio: the data plane of
	// pinecone.Index, awaited).
	pineconeAsyncIndex = []string{"query", "upsert", "fetch", "delete", "update", "describe_index_stats",
		"list_paginated", "search", "search_records", "upsert_records", "close"}
	// langgraph-sdk's resource clients (get_client() -> LangGraphClient,
	// get_sync_client() -> SyncLangGraphClient: "Both async and sync
	// versions provide identical APIs"). runs.stream and the *.stream /
	// join_stream calls are iterated, not listed.
	langgraphSDKCalls = map[string][]string{
		"assistants": {"get", "create", "update", "delete", "search", "get_graph", "get_schemas"},
		"threads":    {"get", "create", "update", "delete", "search", "copy", "get_state", "update_state", "get_history"},
		"runs":       {"create", "wait", "join", "get", "list", "cancel", "delete", "create_batch"},
		"crons":      {"create", "create_for_thread", "delete", "search"},
		"store":      {"put_item", "get_item", "delete_item", "search_items", "list_namespaces"},
	}
	// A LangGraph checkpoint saver's own calls (langgraph-checkpoint's
	// BaseCheckpointSaver: get/get_tuple/put/put_writes/delete_thread and
	// their `a`-prefixed `async def` twins; the Postgres and SQLite savers'
	// setup() creates the tables).
	langgraphSaverSync  = []string{"setup", "get", "get_tuple", "put", "put_writes", "delete_thread"}
	langgraphSaverAsync = []string{"setup", "aget", "aget_tuple", "aput", "aput_writes", "adelete_thread"}
	// redis-om's model calls (aredis_om: `await customer.save()`,
	// `await Customer.get(pk)`; redis_om is "the generated sync mirror").
	redisOMModelCalls = []string{"save", "get", "delete", "update", "expire", "all_pks", "get_many", "delete_many",
		"add"}
	redisOMQueryCalls = []string{"all", "first", "count", "delete", "update", "page", "get_item"}
	// mem0's memory operations (docs.mem0.ai, "Async Memory": "Each memory
	// operation (add, search, get_all, delete, etc.) mirrors the
	// synchronous API"; "Async Client": add, search, get_all, delete,
	// delete_all, history, users).
	mem0Calls = []string{"add", "search", "get", "get_all", "update", "delete", "delete_all", "history", "reset",
		"users"}
	voyageCalls = []string{"embed", "rerank", "multimodal_embed", "contextualized_embed"}
	exaCalls    = []string{"search", "search_and_contents", "find_similar", "find_similar_and_contents", "get_contents",
		"answer"}
	// LanceDB's async API (its Python API reference: "Use lancedb.connect
	// or lancedb.connect_async to connect to a database. Use the returned
	// lancedb.DBConnection or lancedb.AsyncConnection to create or open
	// tables. Use the returned lancedb.table.Table or lancedb.AsyncTable
	// to query or modify tables").
	lancedbAsyncConnCalls  = []string{"table_names", "drop_table", "rename_table", "drop_all_tables"}
	lancedbAsyncTableCalls = []string{"add", "delete", "update", "count_rows", "create_index", "schema", "to_arrow",
		"to_pandas", "optimize", "list_indices", "version", "checkout", "restore"}
)

func init() {
	// Firecrawl (firecrawl/firecrawl apps/python-sdk/firecrawl/client.py
	// and v2/client_async.py, `class AsyncFirecrawlClient` whose scrape,
	// search, crawl, ... are `async def`s; the sync v2 client sends each
	// request through a requests session and `crawl` polls until the job
	// ends).
	for _, typ := range []string{"firecrawl.Firecrawl", "firecrawl.FirecrawlApp", "firecrawl.client.Firecrawl",
		"firecrawl.firecrawl.FirecrawlApp"} {
		returns(typ, "firecrawl.Firecrawl")
	}
	serviceRequests("ASL202", firecrawlAlt, prefixed("firecrawl.Firecrawl.", firecrawlRequests...)...)
	for _, typ := range []string{"firecrawl.AsyncFirecrawl", "firecrawl.AsyncFirecrawlApp", "firecrawl.client.AsyncFirecrawl",
		"firecrawl.firecrawl.AsyncFirecrawlApp"} {
		returns(typ, "firecrawl.AsyncFirecrawl")
	}
	coroutineMethods("firecrawl.AsyncFirecrawl", append(firecrawlRequests, "wait_crawl", "wait_batch_scrape")...)

	// E2B sandboxes (e2b-dev/E2B packages/python-sdk/e2b/sandbox_async/
	// main.py): `sandbox = await AsyncSandbox.create()` ("Use this method
	// instead of using the constructor"), `await AsyncSandbox.connect(id)`,
	// and the sandbox's kill/set_timeout/is_running/get_metrics, its
	// `files` and `commands` modules' calls are coroutines; the sync
	// `Sandbox` of e2b/sandbox_sync does the same requests on the calling
	// thread (commands.run waits for the command to finish). The code
	// interpreter package's sandboxes (e2b_code_interpreter) subclass them
	// and add run_code (README: `execution = sandbox.run_code("...")`).
	for _, mod := range []string{"e2b", "e2b_code_interpreter"} {
		async, sync := mod+".AsyncSandbox", mod+".Sandbox"
		returns(async, async)
		returns(sync, sync)
		coroutineMethods(async, "create", "connect", "beta_create")
		for _, f := range []string{"create", "connect", "beta_create"} {
			awaitReturns(async+"."+f, async)
		}
		coroutineMethods(async, e2bSandboxCalls...)
		coroutineMethods(async+".files", e2bFilesCalls...)
		coroutineMethods(async+".commands", e2bCommandsCalls...)
		returns(sync+".create", sync)
		returns(sync+".connect", sync)
		serviceRequests("ASL202", e2bAlt, sync+".create", sync+".connect")
		serviceRequests("ASL202", e2bAlt, prefixed(sync+".", e2bSandboxCalls...)...)
		serviceRequests("ASL202", e2bAlt, prefixed(sync+".files.", e2bFilesCalls...)...)
		serviceRequests("ASL202", e2bAlt, prefixed(sync+".commands.", "run", "list", "kill", "send_stdin")...)
	}
	coroutineMethods("e2b_code_interpreter.AsyncSandbox", "run_code", "create_code_context")
	serviceRequests("ASL202", e2bAlt, "e2b_code_interpreter.Sandbox.run_code", "e2b_code_interpreter.Sandbox.create_code_context")
	returns("e2b.sandbox_async.main.AsyncSandbox", "e2b.AsyncSandbox")
	returns("e2b.sandbox_sync.main.Sandbox", "e2b.Sandbox")
}

func init() {
	// neo4j's async driver: `await session.run(query)` gives an
	// AsyncResult whose record-reading calls are coroutines (a call
	// without await reads nothing: `record = result.single()` is a
	// coroutine object). AsyncSession.begin_transaction is awaited for an
	// AsyncTransaction, whose run/commit/rollback/close are awaited; a
	// managed transaction (the work function's `tx` of execute_read/
	// execute_write, typed by its annotation AsyncManagedTransaction)
	// runs with `await tx.run(...)`.
	const res, tx, mtx = "neo4j.AsyncResult", "neo4j.AsyncTransaction", "neo4j.AsyncManagedTransaction"
	awaitReturns("neo4j.AsyncSession.run", res)
	coroutineMethods("neo4j.AsyncSession", "begin_transaction")
	awaitReturns("neo4j.AsyncSession.begin_transaction", tx)
	coroutineMethods(tx, "run", "commit", "rollback", "close")
	awaitReturns(tx+".run", res)
	coroutineMethods(mtx, "run")
	awaitReturns(mtx+".run", res)
	coroutineMethods(res, neo4jAsyncResultCalls...)
	returns("neo4j.AsyncDriver", "neo4j.AsyncDriver")
	returns("neo4j.AsyncSession", "neo4j.AsyncSession")

	// Cassandra's driver (DataStax cassandra-driver, also installed by
	// ScyllaDB's scylla-driver as `cassandra`; Debian python3-cassandra
	// 3.25 cassandra/cluster.py): Session.execute_async returns a
	// ResponseFuture at once, whose result() "will block until it is set,
	// or the timeout set for the request expires" (`self._event.wait()`);
	// Session.prepare sends PREPARE and waits (`future.result()`),
	// execute_graph is `self.execute_graph_async(...).result()`, and
	// set_keyspace runs a USE statement on every connection.
	const future = "cassandra.cluster.ResponseFuture"
	returns("cassandra.cluster.Session.execute_async", future)
	serviceRequests("ASL202", cassandraAlt, future+".result")
	serviceRequests("ASL202", cassandraAlt, prefixed("cassandra.cluster.Session.", "prepare", "execute_graph",
		"set_keyspace")...)

	// Pinecone's asyncio clients (pinecone-io/pinecone-python-client#442,
	// "Implement PineconeAsyncio": `async with PineconeAsyncio(api_key=...)
	// as pc: await pc.create_index(...)`; `pc.IndexAsyncio(host=...)` gives
	// the asyncio index, also from the sync Pinecone, entered with `async
	// with`). The sync index's integrated-records calls are requests too.
	const pcAsync, idxAsync = "pinecone.PineconeAsyncio", "pinecone.IndexAsyncio"
	returns(pcAsync, pcAsync)
	coroutineMethods(pcAsync, append(pineconeControl, "close")...)
	for _, typ := range []string{pcAsync, "pinecone.Pinecone"} {
		returns(typ+".IndexAsyncio", idxAsync)
	}
	returns(idxAsync, idxAsync)
	coroutineMethods(idxAsync, pineconeAsyncIndex...)
	serviceRequests("ASL202", "use `pc.IndexAsyncio(...)` and await it, or `await asyncio.to_thread(...)`",
		prefixed("pinecone.Index.", "search", "search_records", "upsert_records")...)
}

func init() {
	// Haystack 2 pipelines (docs.haystack.deepset.ai, "AsyncPipeline":
	// run "is blocking ... the method blocks until the pipeline
	// completes"; run_async "Executes the pipeline" as a coroutine; the
	// cookbook "Running Haystack Pipelines in Asynchronous Environments":
	// "once the Pipeline.run method is invoked, it must run to completion
	// ... this prevents active async event loop from scheduling other
	// async coroutines"). A pipeline runs its components (generators'
	// LLM requests, retrievers' database queries) on the calling thread.
	// `Pipeline.loads(yaml)` builds one. run_async_generator is iterated.
	for _, typ := range []string{"haystack.Pipeline", "haystack.core.pipeline.Pipeline",
		"haystack.core.pipeline.pipeline.Pipeline"} {
		returns(typ, "haystack.Pipeline")
	}
	for _, typ := range []string{"haystack.AsyncPipeline", "haystack.core.pipeline.AsyncPipeline",
		"haystack.core.pipeline.async_pipeline.AsyncPipeline"} {
		returns(typ, "haystack.AsyncPipeline")
	}
	returns("haystack.Pipeline.loads", "haystack.Pipeline")
	returns("haystack.Pipeline.load", "haystack.Pipeline")
	returns("haystack.AsyncPipeline.loads", "haystack.AsyncPipeline")
	returns("haystack.AsyncPipeline.load", "haystack.AsyncPipeline")
	serviceRequests("ASL202", haystackAlt, "haystack.Pipeline.run", "haystack.AsyncPipeline.run")
	coroutineMethods("haystack.AsyncPipeline", "run_async")
	// Haystack's OpenAI chat generator, the async-capable component the
	// docs name ("Use async-compatible components (e.g.,
	// OpenAIChatGenerator)"): run sends the request, run_async awaits it.
	for _, typ := range []string{"haystack.components.generators.chat.OpenAIChatGenerator",
		"haystack.components.generators.chat.openai.OpenAIChatGenerator"} {
		returns(typ, "haystack.components.generators.chat.OpenAIChatGenerator")
	}
	serviceRequests("ASL202", haystackAlt, "haystack.components.generators.chat.OpenAIChatGenerator.run")
	coroutineMethods("haystack.components.generators.chat.OpenAIChatGenerator", "run_async")

	// LangGraph's checkpointers (langgraph-checkpoint-postgres README:
	// "make sure to call .setup() method on them to create required
	// tables", `with PostgresSaver.from_conn_string(DB_URI) as
	// checkpointer: checkpointer.setup()`, and for async `from
	// langgraph.checkpoint.postgres.aio import AsyncPostgresSaver; async
	// with AsyncPostgresSaver.from_conn_string(...)`; the SQLite package
	// likewise with SqliteSaver / AsyncSqliteSaver). from_conn_string of an
	// async saver is an async context manager whose `__aenter__` gives the
	// saver.
	savers := map[string]bool{
		"langgraph.checkpoint.postgres.PostgresSaver":          false,
		"langgraph.checkpoint.sqlite.SqliteSaver":              false,
		"langgraph.checkpoint.postgres.aio.AsyncPostgresSaver": true,
		"langgraph.checkpoint.sqlite.aio.AsyncSqliteSaver":     true,
	}
	for typ, async := range savers {
		returns(typ, typ)
		if !async {
			returns(typ+".from_conn_string", typ)
			serviceRequests("ASL202", lgSaverAlt, prefixed(typ+".", langgraphSaverSync...)...)
			continue
		}
		cm := typ + ".from_conn_string"
		returns(cm, cm)
		asyncWithOnly(cm)
		coroutineMethods(cm, "__aenter__", "__aexit__")
		awaitReturns(cm+".__aenter__", typ)
		coroutineMethods(typ, langgraphSaverAsync...)
	}
	// The in-memory saver is quick (a dict): nothing recorded.

	// LangGraph SDK (langgraph-sdk; its reference: "asynchronous
	// (get_client(...)) or LangGraphClient) and synchronous
	// (get_sync_client(...)) or SyncLanggraphClient) clients", `thread =
	// await client.threads.create()`, `await client.aclose()`).
	const lgc, slgc = "langgraph_sdk.client.LangGraphClient", "langgraph_sdk.client.SyncLangGraphClient"
	for _, f := range []string{"langgraph_sdk.get_client", "langgraph_sdk.client.get_client"} {
		returns(f, lgc)
	}
	for _, f := range []string{"langgraph_sdk.get_sync_client", "langgraph_sdk.client.get_sync_client"} {
		returns(f, slgc)
	}
	coroutineMethods(lgc, "aclose")
	for res, calls := range langgraphSDKCalls {
		coroutineMethods(lgc+"."+res, calls...)
		serviceRequests("ASL202", lgSDKAlt, prefixed(slgc+"."+res+".", calls...)...)
	}

	// DSPy: a project module (`class RAG(dspy.Module)`) answers `await
	// rag.acall(...)` through dspy.Module's `async def acall`
	// (dspy/primitives/module.py); the predictors' records are in
	// model_inference.go.
	for _, typ := range []string{"dspy.Module", "dspy.primitives.module.Module", "dspy.primitives.Module"} {
		coroutineMethods(typ, "acall", "aforward")
	}
}

func init() {
	// redis-om (its docs: "Both async (aredis_om) and sync (redis_om) APIs
	// available"; pyredis-om: "import aredis_om for the async API or
	// redis_om for the generated sync mirror"). A project model subclasses
	// HashModel or JsonModel (`class Customer(HashModel, index=True)`) and
	// inherits save/get/delete...; `Customer.find(...)` builds a FindQuery
	// whose all/first/count/delete run it. Migrator().run() creates the
	// indexes.
	for _, mod := range []string{"aredis_om", "redis_om"} {
		async := mod == "aredis_om"
		query := mod + ".model.model.FindQuery"
		for _, base := range []string{"HashModel", "JsonModel", "RedisModel", "model.model.HashModel",
			"model.model.JsonModel", "model.model.RedisModel", "model.HashModel", "model.JsonModel"} {
			typ := mod + "." + base
			returns(typ+".find", query)
			if async {
				coroutineMethods(typ, redisOMModelCalls...)
			} else {
				serviceRequests("ASL202", redisOMAlt, prefixed(typ+".", redisOMModelCalls...)...)
			}
		}
		for _, m := range []string{"Migrator", "model.migrations.migrator.Migrator"} {
			returns(mod+"."+m, mod+".Migrator")
		}
		if async {
			coroutineMethods(query, redisOMQueryCalls...)
			coroutineMethods(mod+".Migrator", "run")
		} else {
			serviceRequests("ASL202", redisOMAlt, prefixed(query+".", redisOMQueryCalls...)...)
			serviceRequests("ASL202", redisOMAlt, mod+".Migrator.run")
		}
	}

	// mem0 (docs.mem0.ai "Async Client": AsyncMemoryClient "provides
	// similar functionality to the synchronous MemoryClient but allows for
	// non-blocking operations", `await client.add(messages,
	// user_id="alice")`; "Async Memory": AsyncMemory mirrors Memory, whose
	// add runs the LLM extraction and the vector store on the calling
	// thread). Memory.from_config builds a Memory.
	for _, pair := range [][2]string{{"mem0.Memory", "mem0.AsyncMemory"}, {"mem0.MemoryClient", "mem0.AsyncMemoryClient"}} {
		sync, async := pair[0], pair[1]
		returns(sync, sync)
		returns(async, async)
		serviceRequests("ASL202", mem0Alt, prefixed(sync+".", mem0Calls...)...)
		coroutineMethods(async, mem0Calls...)
	}
	returns("mem0.Memory.from_config", "mem0.Memory")

	// Voyage AI (MongoDB's "Accessing Voyage AI Models": "The
	// voyageai.Client class provides a synchronous interface"; graphiti's
	// embedder: `self.client = voyageai.AsyncClient(...)`, `await
	// self.client.embed(...)`).
	returns("voyageai.Client", "voyageai.Client")
	returns("voyageai.AsyncClient", "voyageai.AsyncClient")
	serviceRequests("ASL202", voyageAlt, prefixed("voyageai.Client.", voyageCalls...)...)
	coroutineMethods("voyageai.AsyncClient", voyageCalls...)

	// Exa (exa-py README: `exa = Exa(api_key=...)`, `exa.search(...)`,
	// `search_and_contents`, `find_similar`, `get_contents`: HTTPS
	// requests on the calling thread). Its async client was not confirmed
	// from a source: not recorded.
	for _, typ := range []string{"exa_py.Exa", "exa_py.api.Exa"} {
		returns(typ, "exa_py.Exa")
	}
	serviceRequests("ASL202", exaAlt, prefixed("exa_py.Exa.", exaCalls...)...)

	// LanceDB's async API: `db = await lancedb.connect_async(uri)`, `tbl =
	// await db.open_table(name)` / `create_table`, and AsyncTable's calls
	// are coroutines (lancedb/lancedb#1031 "port create_table to the async
	// python API"; the Python API reference). The sync connection mostly
	// works on local files: not recorded.
	const lconn, ltable = "lancedb.AsyncConnection", "lancedb.AsyncTable"
	coroutines("lancedb.connect_async")
	awaitReturns("lancedb.connect_async", lconn)
	coroutineMethods(lconn, "open_table", "create_table")
	awaitReturns(lconn+".open_table", ltable)
	awaitReturns(lconn+".create_table", ltable)
	coroutineMethods(lconn, lancedbAsyncConnCalls...)
	coroutineMethods(ltable, lancedbAsyncTableCalls...)
	returns("lancedb.db.AsyncConnection", lconn)
	returns("lancedb.table.AsyncTable", ltable)
}

func init() {
	// MongoDB cursors. motor (corpus/src python3-motor motor/core.py):
	// `find` "does not require an await expression, because find merely
	// creates a MotorCursor without performing any operations on the
	// server. MotorCursor methods such as to_list perform actual
	// operations"; to_list "Returns a Future", `async def next`; the
	// chaining methods (sort, limit, skip, ...: MotorCursorChainingMethod)
	// return the cursor; motor's aggregate returns a MotorCommandCursor at
	// once. PyMongo's asyncio API (corpus7 pymongo/asynchronous/
	// collection.py `def find(...) -> AsyncCursor`, `async def aggregate`;
	// cursor.py and command_cursor.py `async def to_list`, `async def
	// next`). A cursor's to_list called without await reads nothing:
	// `docs = coll.find(q).to_list(None); len(docs)` is the bug.
	const pmColl, pmDB = "pymongo.asynchronous.collection.AsyncCollection", "pymongo.asynchronous.database.AsyncDatabase"
	chaining := []string{"sort", "limit", "skip", "batch_size", "max_time_ms", "hint", "comment", "where", "collation",
		"allow_disk_use", "max_await_time_ms", "min", "max"}
	for _, mod := range []string{"motor.motor_asyncio.AsyncIOMotor", "motor.motor_tornado.Motor"} {
		client, db, coll := mod+"Client", mod+"Database", mod+"Collection"
		cursor, command := mod+"Cursor", mod+"CommandCursor"
		for _, c := range []string{coll, client + ".*.*", db + ".*"} {
			returns(c+".find", cursor)
			returns(c+".aggregate", command)
		}
		for _, m := range chaining {
			returns(cursor+"."+m, cursor)
		}
		coroutineMethods(cursor, "to_list", "next")
		coroutineMethods(command, "to_list", "next")
		// `db.get_collection(name)` and `client.get_database(name)` (motor
		// core.py: `get_collection = DelegateMethod().wrap(Collection)`,
		// `get_database = DelegateMethod(...).wrap(Database)`; PyMongo's
		// asynchronous/database.py `def get_collection(...) ->
		// AsyncCollection`).
		returns(db+".get_collection", coll)
		returns(client+".get_database", db)
		returns(client+".get_default_database", db)
	}
	for _, db := range []string{pmDB, "pymongo.AsyncMongoClient.*", "pymongo.asynchronous.mongo_client.AsyncMongoClient.*"} {
		returns(db+".get_collection", pmColl)
	}
	for _, client := range []string{"pymongo.AsyncMongoClient", "pymongo.asynchronous.mongo_client.AsyncMongoClient"} {
		returns(client+".get_database", pmDB)
		returns(client+".get_default_database", pmDB)
	}
	const pmCursor, pmCommand = "pymongo.asynchronous.cursor.AsyncCursor", "pymongo.asynchronous.command_cursor.AsyncCommandCursor"
	for _, c := range []string{pmColl, pmDB + ".*", "pymongo.AsyncMongoClient.*.*",
		"pymongo.asynchronous.mongo_client.AsyncMongoClient.*.*"} {
		returns(c+".find", pmCursor)
		awaitReturns(c+".aggregate", pmCommand)
	}
	for _, m := range chaining {
		returns(pmCursor+"."+m, pmCursor)
	}
	coroutineMethods(pmCursor, "to_list", "next")
	coroutineMethods(pmCommand, "to_list", "next")
}

// LangChain's vector stores (langchain-core vectorstores/base.py: the
// synchronous similarity_search/add_documents/... embed the query or the
// documents with the store's embedding model and query the database on the
// calling thread; each has an `async def` twin, asimilarity_search,
// aadd_documents, ...; `as_retriever(...) -> VectorStoreRetriever`, a
// retriever Runnable answering invoke and `ainvoke`). Typed from the
// provider packages' constructors and from_documents/from_texts.
const lcVectorAlt = "await the async twin (`await store.asimilarity_search(...)`, `aadd_documents`; a retriever's `ainvoke`) or `await asyncio.to_thread(...)`"

var (
	langchainVectorStores = []string{"langchain_chroma.Chroma", "langchain_chroma.vectorstores.Chroma",
		"langchain_community.vectorstores.Chroma", "langchain_community.vectorstores.FAISS",
		"langchain_community.vectorstores.PGVector", "langchain_community.vectorstores.Qdrant",
		"langchain_community.vectorstores.Pinecone", "langchain_community.vectorstores.Milvus",
		"langchain_community.vectorstores.ElasticsearchStore", "langchain_community.vectorstores.Weaviate",
		"langchain_qdrant.QdrantVectorStore", "langchain_qdrant.Qdrant", "langchain_pinecone.PineconeVectorStore",
		"langchain_postgres.PGVector", "langchain_postgres.vectorstores.PGVector", "langchain_milvus.Milvus",
		"langchain_weaviate.WeaviateVectorStore", "langchain_mongodb.MongoDBAtlasVectorSearch",
		"langchain_elasticsearch.ElasticsearchStore", "langchain_redis.RedisVectorStore",
		"langchain_core.vectorstores.InMemoryVectorStore"}
	langchainVectorSync = []string{"similarity_search", "similarity_search_with_score",
		"similarity_search_with_relevance_scores", "similarity_search_by_vector", "max_marginal_relevance_search",
		"add_documents", "add_texts", "delete", "get_by_ids"}
	langchainVectorAsync = []string{"asimilarity_search", "asimilarity_search_with_score",
		"asimilarity_search_with_relevance_scores", "asimilarity_search_by_vector", "amax_marginal_relevance_search",
		"aadd_documents", "aadd_texts", "adelete", "aget_by_ids"}
)

// LangChainVectorRetriever is the type of a vector store's retriever.
const LangChainVectorRetriever = "langchain_core.vectorstores.VectorStoreRetriever"

func init() {
	for _, typ := range langchainVectorStores {
		returns(typ, typ)
		for _, f := range []string{"from_documents", "from_texts"} {
			returns(typ+"."+f, typ)
			serviceRequests("ASL202", lcVectorAlt, typ+"."+f)
		}
		for _, f := range []string{"afrom_documents", "afrom_texts"} {
			coroutineMethods(typ, f)
			awaitReturns(typ+"."+f, typ)
		}
		serviceRequests("ASL202", lcVectorAlt, prefixed(typ+".", langchainVectorSync...)...)
		coroutineMethods(typ, langchainVectorAsync...)
		returns(typ+".as_retriever", LangChainVectorRetriever)
	}
	serviceRequests("ASL202", lcVectorAlt, prefixed(LangChainVectorRetriever+".", "invoke", "batch",
		"get_relevant_documents")...)
	coroutineMethods(LangChainVectorRetriever, "ainvoke", "abatch", "aget_relevant_documents")

	// Crawl4AI (docs.crawl4ai.com, "AsyncWebCrawler": "Use the crawler in
	// an async context manager (async with) or manage start/close
	// manually. Call arun(url, config=crawler_run_config) for each page";
	// `result = await crawler.arun(...)`); arun_many crawls a list.
	for _, typ := range []string{"crawl4ai.AsyncWebCrawler", "crawl4ai.async_webcrawler.AsyncWebCrawler"} {
		returns(typ, "crawl4ai.AsyncWebCrawler")
	}
	coroutineMethods("crawl4ai.AsyncWebCrawler", "arun", "arun_many", "start", "close", "aprocess_html")

	// DuckDuckGo search (duckduckgo_search, renamed ddgs): `DDGS().text(q)`
	// sends the search on the calling thread ("duckduckgo-search is
	// synchronous, so we run it in executor", as projects' own comments
	// say). Before 5.0 text was a generator whose requests ran as it was
	// iterated, in practice by the same coroutine; the asyncio twin
	// AsyncDDGS changed its API across releases and is gone since 7.0:
	// not recorded.
	for _, typ := range []string{"duckduckgo_search.DDGS", "ddgs.DDGS"} {
		returns(typ, typ)
		serviceRequests("ASL202", "run it with `await asyncio.to_thread(...)`", prefixed(typ+".", "text", "news",
			"images", "videos", "answers", "suggestions", "maps", "translate", "chat")...)
	}
}

func init() {
	// Cerebras (cerebras-cloud-sdk, "generated with Stainless", "offers
	// both synchronous and asynchronous clients": `from cerebras.cloud.sdk
	// import Cerebras, AsyncCerebras`; the same resource tree as the
	// OpenAI-style SDKs in blocking.go/async_libs.go).
	cerebrasCalls := []string{"chat.completions.create", "completions.create", "models.list", "models.retrieve"}
	for _, typ := range []string{"cerebras.cloud.sdk.Cerebras", "cerebras.cloud.sdk.Client"} {
		returns(typ, "cerebras.cloud.sdk.Cerebras")
	}
	for _, typ := range []string{"cerebras.cloud.sdk.AsyncCerebras", "cerebras.cloud.sdk.AsyncClient"} {
		returns(typ, "cerebras.cloud.sdk.AsyncCerebras")
	}
	serviceRequests("ASL202", "use `cerebras.cloud.sdk.AsyncCerebras` and await it, or `await asyncio.to_thread(...)`",
		prefixed("cerebras.cloud.sdk.Cerebras.", cerebrasCalls...)...)
	coroutineMethods("cerebras.cloud.sdk.AsyncCerebras", cerebrasCalls...)

	// Replicate's predictions (replicate-python: `def create(...)` sends
	// the POST through the client's `_request`, its twin `async def
	// async_create` through `_async_request`, replicate/replicate-python
	// #354; data_services.go records run/async_run).
	const prediction = "replicate.prediction.Prediction"
	for _, ns := range []string{"replicate.predictions", "replicate.Client.predictions"} {
		returns(ns+".create", prediction)
		serviceRequests("ASL202", "use `await replicate.predictions.async_create(...)` or `await asyncio.to_thread(...)`",
			ns+".create")
		coroutineMethods(ns, "async_create")
		awaitReturns(ns+".async_create", prediction)
	}
	serviceRequests("ASL202", "use `await prediction.async_wait()` or `await asyncio.to_thread(...)`", prediction+".wait")
	coroutineMethods(prediction, "async_wait", "async_reload", "async_cancel")
}

func init() {
	// Anthropic's streaming helper on the async client
	// (anthropic-sdk-python examples/messages_stream.py: `async with
	// client.messages.stream(...) as stream: async for event in stream:
	// ...`, then `accumulated = await stream.get_final_message()`):
	// `AsyncAnthropic.messages.stream` returns an AsyncMessageStreamManager,
	// entered only with `async with` (a plain `with` raises), whose
	// `__aenter__` gives the AsyncMessageStream, whose get_final_message,
	// get_final_text and until_done are coroutines. The sync client's
	// MessageStreamManager sends the request when entered, not when
	// called: not recorded here.
	const manager, stream = "anthropic.lib.streaming.AsyncMessageStreamManager", "anthropic.lib.streaming.AsyncMessageStream"
	for _, c := range []string{"anthropic.AsyncAnthropic", "anthropic.AsyncAnthropicBedrock", "anthropic.AsyncAnthropicVertex"} {
		for _, m := range []string{".messages.stream", ".beta.messages.stream"} {
			returns(c+m, manager)
			asyncWithOnly(c + m)
		}
	}
	asyncWithOnly(manager)
	coroutineMethods(manager, "__aenter__", "__aexit__")
	awaitReturns(manager+".__aenter__", stream)
	coroutineMethods(stream, "get_final_message", "get_final_text", "until_done", "close")
}
