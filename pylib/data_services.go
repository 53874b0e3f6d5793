package pylib

// Clients of data services that async applications (retrieval pipelines,
// agents, web back ends) call from coroutines: vector and graph databases,
// object storage, spreadsheets and notes, message brokers, hosted models.
// Each sync client's requests are network round trips (ASL202), and each
// async twin's are coroutines (ASL102 when not awaited). Calling the sync
// client from a coroutine is the blocking bug held-out real-bug sets keep
// finding in libraries pylib did not list (Gemini, Firestore, Tavily,
// huggingface_hub: docs/precision.md). As in sdk_clients.go, only calls that
// talk to the service are listed: constructors that do not connect, local
// builders (`bucket.blob(name)`, `client.get_blob_client(...)`), signed-URL
// helpers and listings that fetch lazily while iterated are not.

const (
	qdrantAlt    = "use `qdrant_client.AsyncQdrantClient` and await it, or `await asyncio.to_thread(...)`"
	neo4jAlt     = "use `neo4j.AsyncGraphDatabase.driver(...)` and await its sessions, or `await asyncio.to_thread(...)`"
	gcsAlt       = "run it with `await asyncio.to_thread(...)` (google-cloud-storage has no asyncio client; gcloud-aio-storage is one)"
	azureBlobAlt = "use `azure.storage.blob.aio` and await it, or `await asyncio.to_thread(...)`"
	kafkaAlt     = "use aiokafka (`AIOKafkaProducer`, `AIOKafkaConsumer`) and await it, or `await asyncio.to_thread(...)`"
	notionAlt    = "use `notion_client.AsyncClient` and await it, or `await asyncio.to_thread(...)`"
	toThreadAlt  = "run it with `await asyncio.to_thread(...)`"
)

var (
	qdrantRequests = []string{"search", "search_batch", "search_groups", "query_points", "query_points_groups",
		"query_batch_points", "recommend", "recommend_batch", "discover", "scroll", "count", "upsert", "retrieve", "delete",
		"update_vectors", "delete_vectors", "set_payload", "overwrite_payload", "delete_payload", "clear_payload",
		"batch_update_points", "get_collection", "get_collections", "collection_exists", "create_collection",
		"recreate_collection", "update_collection", "delete_collection", "create_payload_index", "delete_payload_index",
		"get_aliases", "get_collection_aliases", "update_collection_aliases", "create_snapshot", "list_snapshots"}
	chromaClientRequests = []string{"heartbeat", "list_collections", "count_collections", "delete_collection", "reset"}
	chromaCollection     = []string{"add", "query", "get", "upsert", "update", "delete", "count", "peek", "modify"}
	pineconeControl      = []string{"create_index", "delete_index", "list_indexes", "describe_index", "has_index",
		"configure_index"}
	pineconeIndex = []string{"query", "upsert", "fetch", "delete", "update", "describe_index_stats", "list_paginated",
		"upsert_from_dataframe"}
	gcsBucketRequests = []string{"exists", "reload", "delete", "get_blob", "delete_blob", "delete_blobs", "copy_blob",
		"rename_blob", "make_public", "patch", "update", "create"}
	gcsBlobRequests = []string{"upload_from_string", "upload_from_filename", "upload_from_file", "download_as_bytes",
		"download_as_string", "download_as_text", "download_to_filename", "download_to_file", "exists", "delete",
		"reload", "make_public", "patch", "update", "rewrite", "compose"}
	azureBlobRequests      = []string{"upload_blob", "download_blob", "delete_blob", "exists", "get_blob_properties", "set_blob_metadata", "start_copy_from_url"}
	azureContainerRequests = []string{"upload_blob", "download_blob", "delete_blob", "create_container", "delete_container", "exists", "get_container_properties"}
	minioRequests          = []string{"put_object", "get_object", "fput_object", "fget_object", "stat_object", "remove_object",
		"bucket_exists", "make_bucket", "remove_bucket", "copy_object", "set_bucket_policy", "get_bucket_policy"}
	notionRequests = []string{"pages.create", "pages.retrieve", "pages.update", "databases.query", "databases.retrieve",
		"databases.create", "databases.update", "blocks.retrieve", "blocks.update", "blocks.delete", "blocks.children.list",
		"blocks.children.append", "users.list", "users.retrieve", "users.me", "search", "comments.create", "comments.list"}
	gspreadAsyncio        = "gspread_asyncio."
	gspreadClientRequests = []string{"open", "open_by_key", "open_by_url", "create", "openall", "list_spreadsheet_files"}
	gspreadSpreadsheet    = []string{"worksheet", "worksheets", "add_worksheet", "del_worksheet", "batch_update",
		"values_get", "values_update", "share"}
	gspreadWorksheet = []string{"get_all_records", "get_all_values", "get_values", "get", "update", "update_cell",
		"update_acell", "append_row", "append_rows", "insert_row", "insert_rows", "delete_rows", "cell", "acell", "find",
		"findall", "batch_get", "batch_update", "clear", "row_values", "col_values", "format"}
	dropboxRequests = []string{"files_upload", "files_download", "files_download_to_file", "files_list_folder",
		"files_list_folder_continue", "files_get_metadata", "files_delete_v2", "files_move_v2", "files_copy_v2",
		"files_create_folder_v2", "files_get_temporary_link", "sharing_create_shared_link_with_settings",
		"sharing_list_shared_links", "users_get_current_account"}
)

func init() {
	// Qdrant: QdrantClient's methods are HTTP/gRPC requests (or, with
	// `location=":memory:"`, local index work); AsyncQdrantClient's are
	// coroutines.
	for _, typ := range []string{"qdrant_client.QdrantClient", "qdrant_client.qdrant_client.QdrantClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", qdrantAlt, prefixed(typ+".", qdrantRequests...)...)
	}
	for _, typ := range []string{"qdrant_client.AsyncQdrantClient", "qdrant_client.async_qdrant_client.AsyncQdrantClient"} {
		returns(typ, typ)
		coroutineMethods(typ, qdrantRequests...)
	}

	// Chroma's HTTP client (chromadb.HttpClient, a function returning the
	// client) and the collections it returns; a collection's add/query are
	// requests to the server.
	const chromaHTTP, chromaCollectionType = "chromadb.HttpClient", "chromadb.Collection"
	returns(chromaHTTP, chromaHTTP)
	serviceRequests("ASL202", sdkAlt, prefixed(chromaHTTP+".", chromaClientRequests...)...)
	for _, m := range []string{"get_collection", "create_collection", "get_or_create_collection"} {
		serviceRequests("ASL202", sdkAlt, chromaHTTP+"."+m)
		returns(chromaHTTP+"."+m, chromaCollectionType)
	}
	for _, typ := range []string{chromaCollectionType, "chromadb.api.models.Collection.Collection"} {
		serviceRequests("ASL202", "use `chromadb.AsyncHttpClient` and await it, or `await asyncio.to_thread(...)`",
			prefixed(typ+".", chromaCollection...)...)
	}
	// Chroma's async HTTP client: chromadb.AsyncHttpClient is itself a
	// coroutine function, a factory that must be awaited before the client
	// exists (Chroma docs, "Client-Server Mode": "Chroma also provides the
	// async HTTP client ... all methods that would block are now async. To
	// use it, call AsyncHttpClient instead", `client = await
	// chromadb.AsyncHttpClient()`; chromadb/__init__.py, `async def
	// AsyncHttpClient(...) -> AsyncClientAPI`); the awaited client's methods
	// and its collections' are coroutines (`collection = await
	// client.create_collection(...)`, `await collection.add(...)`). The
	// awaited client is typed by the factory's name, as the synchronous
	// chromadb.HttpClient is, and by the annotation `chromadb.api.AsyncClientAPI`.
	const chromaAsyncHTTP, chromaAsyncCollection = "chromadb.AsyncHttpClient", "chromadb.api.models.AsyncCollection.AsyncCollection"
	coroutines(chromaAsyncHTTP)
	awaitReturns(chromaAsyncHTTP, chromaAsyncHTTP)
	for _, typ := range []string{chromaAsyncHTTP, "chromadb.api.AsyncClientAPI"} {
		coroutineMethods(typ, chromaClientRequests...)
		for _, m := range []string{"get_collection", "create_collection", "get_or_create_collection"} {
			coroutineMethods(typ, m)
			awaitReturns(typ+"."+m, chromaAsyncCollection)
		}
	}
	coroutineMethods(chromaAsyncCollection, chromaCollection...)

	// Pinecone: the control plane's calls and an index's data calls are
	// HTTPS requests (`pc.Index("name")` only builds the index client).
	for _, typ := range []string{"pinecone.Pinecone"} {
		returns(typ, typ)
		serviceRequests("ASL202", "use `pinecone.PineconeAsyncio` and await it, or `await asyncio.to_thread(...)`",
			prefixed(typ+".", pineconeControl...)...)
		returns(typ+".Index", "pinecone.Index")
	}
	returns("pinecone.Index", "pinecone.Index")
	serviceRequests("ASL202", "use `pc.IndexAsyncio(...)` and await it, or `await asyncio.to_thread(...)`",
		prefixed("pinecone.Index.", pineconeIndex...)...)

	// Neo4j's driver: the sync driver's queries and its sessions' runs are
	// Bolt round trips; the async driver's are coroutines.
	for _, factory := range []string{"neo4j.GraphDatabase.driver", "neo4j.GraphDatabase.bolt_driver", "neo4j.GraphDatabase.neo4j_driver"} {
		returns(factory, "neo4j.Driver")
	}
	serviceRequests("ASL202", neo4jAlt, prefixed("neo4j.Driver.", "execute_query", "verify_connectivity", "get_server_info")...)
	returns("neo4j.Driver.session", "neo4j.Session")
	serviceRequests("ASL202", neo4jAlt, prefixed("neo4j.Session.", "run", "execute_read", "execute_write",
		"read_transaction", "write_transaction")...)
	for _, factory := range []string{"neo4j.AsyncGraphDatabase.driver", "neo4j.AsyncGraphDatabase.bolt_driver", "neo4j.AsyncGraphDatabase.neo4j_driver"} {
		returns(factory, "neo4j.AsyncDriver")
	}
	coroutineMethods("neo4j.AsyncDriver", "execute_query", "verify_connectivity", "get_server_info", "close")
	returns("neo4j.AsyncDriver.session", "neo4j.AsyncSession")
	coroutineMethods("neo4j.AsyncSession", "run", "execute_read", "execute_write", "close")

	// Google Cloud Storage: buckets and blobs are local handles until a
	// method talks to the service.
	const gcs = "google.cloud.storage."
	returns(gcs+"Client", gcs+"Client")
	serviceRequests("ASL202", gcsAlt, prefixed(gcs+"Client.", "get_bucket", "create_bucket", "lookup_bucket",
		"download_blob_to_file")...)
	for _, m := range []string{"bucket", "get_bucket", "create_bucket", "lookup_bucket"} {
		returns(gcs+"Client."+m, gcs+"Bucket")
	}
	returns(gcs+"Bucket", gcs+"Bucket")
	serviceRequests("ASL202", gcsAlt, prefixed(gcs+"Bucket.", gcsBucketRequests...)...)
	for _, m := range []string{"blob", "get_blob"} {
		returns(gcs+"Bucket."+m, gcs+"Blob")
	}
	returns(gcs+"Blob", gcs+"Blob")
	serviceRequests("ASL202", gcsAlt, prefixed(gcs+"Blob.", gcsBlobRequests...)...)
	// Client.list_blobs, Bucket.list_blobs and Client.list_buckets return
	// an HTTPIterator (google.api_core.page_iterator) that sends its first
	// request when iterated and one more per page: a request where the
	// result is iterated in place (`for blob in client.list_blobs(...)`,
	// `list(bucket.list_blobs())`), not at the call.
	for _, n := range []string{gcs + "Client.list_blobs", gcs + "Bucket.list_blobs", gcs + "Client.list_buckets"} {
		serviceRequests("ASL202", gcsAlt, n)
		entry(n).Unblock = UnblockedUnlessIterated
	}

	// Google Cloud Logging (google-cloud-logging: `from google.cloud import
	// logging; logging.Client(project=...)`, google.cloud.logging_v2 the
	// same client). Client.list_entries, list_sinks and list_metrics (and a
	// Logger's list_entries) are page iterators over the Logging API,
	// requests when iterated; a Logger's log_text/log_struct/log_proto/log
	// write one entry each through the API (Logger.log ->
	// client.logging_api.write_entries), and delete deletes the log.
	// Client.logger(name) only names the log.
	for _, pkg := range []string{"google.cloud.logging.", "google.cloud.logging_v2.", "google.cloud.logging_v2.client."} {
		client := pkg + "Client"
		returns(client, client)
		returns(client+".logger", "google.cloud.logging.Logger")
		for _, m := range []string{"list_entries", "list_sinks", "list_metrics"} {
			serviceRequests("ASL202", toThreadAlt, client+"."+m)
			entry(client + "." + m).Unblock = UnblockedUnlessIterated
		}
	}
	const gcpLogger = "google.cloud.logging.Logger"
	serviceRequests("ASL202", toThreadAlt, prefixed(gcpLogger+".", "log_text", "log_struct", "log_proto", "log",
		"delete")...)
	serviceRequests("ASL202", toThreadAlt, gcpLogger+".list_entries")
	entry(gcpLogger + ".list_entries").Unblock = UnblockedUnlessIterated

	// Azure Blob Storage: the sync clients' calls are HTTPS requests; the
	// same clients under azure.storage.blob.aio are coroutines.
	for _, pkg := range []string{"azure.storage.blob.", "azure.storage.blob.aio."} {
		service, container, blob := pkg+"BlobServiceClient", pkg+"ContainerClient", pkg+"BlobClient"
		for _, typ := range []string{service, container, blob} {
			returns(typ, typ)
			returns(typ+".from_connection_string", typ)
		}
		returns(service+".get_container_client", container)
		returns(service+".get_blob_client", blob)
		returns(container+".get_blob_client", blob)
		serviceCalls := prefixed(service+".", "create_container", "delete_container", "get_service_properties")
		containerCalls := prefixed(container+".", azureContainerRequests...)
		blobCalls := prefixed(blob+".", azureBlobRequests...)
		if pkg == "azure.storage.blob." {
			serviceRequests("ASL202", azureBlobAlt, append(append(serviceCalls, containerCalls...), blobCalls...)...)
		} else {
			coroutines(append(append(serviceCalls, containerCalls...), blobCalls...)...)
		}
	}

	// MinIO's client (S3-compatible object storage).
	returns("minio.Minio", "minio.Minio")
	serviceRequests("ASL202", toThreadAlt+" (minio has no asyncio client; aiobotocore speaks S3)",
		prefixed("minio.Minio.", minioRequests...)...)

	// kafka-python: send() waits up to max_block_ms for metadata and buffer
	// space, flush() for every record to be acknowledged, poll() for
	// records.
	serviceRequests("ASL202", kafkaAlt, "kafka.KafkaProducer.send", "kafka.KafkaProducer.flush",
		"kafka.KafkaConsumer.poll", "kafka.KafkaConsumer.commit")

	// Playwright's sync API refuses to start inside a running asyncio loop
	// (it raises "using Playwright Sync API inside the asyncio loop").
	serviceRequests("ASL202", "Playwright's sync API raises inside a running asyncio loop: use "+
		"`playwright.async_api.async_playwright` (`async with async_playwright() as p:`)",
		"playwright.sync_api.sync_playwright")

	// Notion's API client; AsyncClient has the same endpoints as coroutines.
	returns("notion_client.Client", "notion_client.Client")
	serviceRequests("ASL202", notionAlt, prefixed("notion_client.Client.", notionRequests...)...)
	returns("notion_client.AsyncClient", "notion_client.AsyncClient")
	coroutineMethods("notion_client.AsyncClient", notionRequests...)

	// Replicate: run() waits for the whole prediction (seconds to minutes);
	// async_run() is its coroutine twin.
	serviceRequests("ASL202", "use `await replicate.async_run(...)`", "replicate.run", "replicate.Client.run")
	coroutines("replicate.async_run", "replicate.Client.async_run")
	returns("replicate.Client", "replicate.Client")

	// gspread (Google Sheets): every call that reads or writes a sheet is
	// an HTTPS request; there is no asyncio client in gspread itself.
	for _, auth := range []string{"gspread.service_account", "gspread.service_account_from_dict", "gspread.authorize", "gspread.oauth"} {
		returns(auth, "gspread.Client")
	}
	returns("gspread.Client", "gspread.Client")
	serviceRequests("ASL202", toThreadAlt+" (or gspread_asyncio's AsyncioGspreadClientManager)",
		prefixed("gspread.Client.", gspreadClientRequests...)...)
	for _, m := range []string{"open", "open_by_key", "open_by_url", "create"} {
		returns("gspread.Client."+m, "gspread.Spreadsheet")
	}
	serviceRequests("ASL202", toThreadAlt, prefixed("gspread.Spreadsheet.", gspreadSpreadsheet...)...)
	for _, m := range []string{"worksheet", "add_worksheet", "get_worksheet", "get_worksheet_by_id"} {
		returns("gspread.Spreadsheet."+m, "gspread.Worksheet")
	}
	serviceRequests("ASL202", toThreadAlt, prefixed("gspread.Worksheet.", gspreadWorksheet...)...)

	// gspread_asyncio, the asyncio wrapper of gspread (dgilman/gspread_asyncio,
	// gspread_asyncio/__init__.py): AsyncioGspreadClientManager.authorize() is
	// `async def` and gives an AsyncioGspreadClient; every API method of the
	// client, spreadsheet and worksheet wrappers is `async def` (the ones
	// marked @_nowait too: the wrapper is itself `async def` and only hands
	// back a task when awaited with nowait=True). Properties (id, title,
	// row_count, col_count, sheet1) and the wrapped gspread objects (gc, ss,
	// ws: synchronous gspread, whose calls block) are plain attributes.
	gaClient, gaSheet, gaWs := gspreadAsyncio+"AsyncioGspreadClient", gspreadAsyncio+"AsyncioGspreadSpreadsheet",
		gspreadAsyncio+"AsyncioGspreadWorksheet"
	gaManager := gspreadAsyncio + "AsyncioGspreadClientManager"
	returns(gaManager, gaManager)
	coroutineMethods(gaManager, "authorize", "delay", "before_gspread_call", "handle_gspread_error",
		"handle_requests_error")
	awaitReturns(gaManager+".authorize", gaClient)
	coroutineMethods(gaClient, "create", "del_spreadsheet", "import_csv", "insert_permission", "list_permissions",
		"open", "open_by_key", "open_by_url", "openall", "remove_permission")
	for _, m := range []string{"create", "open", "open_by_key", "open_by_url"} {
		awaitReturns(gaClient+"."+m, gaSheet)
	}
	LibraryAttrTypes[gaClient+".agcm"] = gaManager
	LibraryAttrTypes[gaClient+".gc"] = "gspread.Client"
	coroutineMethods(gaSheet, "add_worksheet", "del_worksheet", "get_worksheet", "list_permissions",
		"remove_permissions", "share", "get_title", "worksheet", "worksheets")
	for _, m := range []string{"add_worksheet", "get_worksheet", "worksheet"} {
		awaitReturns(gaSheet+"."+m, gaWs)
	}
	LibraryAttrTypes[gaSheet+".ss"] = "gspread.Spreadsheet"
	coroutineMethods(gaWs, "batch_update", "acell", "add_cols", "add_rows", "append_row", "append_rows", "cell",
		"clear", "clear_note", "col_values", "delete_row", "delete_rows", "add_protected_range", "find", "findall",
		"get_all_records", "get_all_values", "insert_cols", "insert_note", "insert_row", "insert_rows", "range",
		"resize", "row_values", "update_acell", "update_cell", "update_cells", "update_note", "batch_get")
	LibraryAttrTypes[gaWs+".ws"] = "gspread.Worksheet"

	// Dropbox's API client.
	returns("dropbox.Dropbox", "dropbox.Dropbox")
	serviceRequests("ASL202", toThreadAlt+" (the Dropbox SDK has no asyncio client)",
		prefixed("dropbox.Dropbox.", dropboxRequests...)...)
}

func init() {
	// Cassandra's driver: Cluster.connect() opens the session's connections;
	// Session.execute() waits for the query (execute_async returns a
	// ResponseFuture at once).
	returns("cassandra.cluster.Cluster", "cassandra.cluster.Cluster")
	returns("cassandra.cluster.Cluster.connect", "cassandra.cluster.Session")
	serviceRequests("ASL202", toThreadAlt+" (Session.execute_async returns a ResponseFuture without waiting)",
		"cassandra.cluster.Cluster.connect", "cassandra.cluster.Session.execute")
	// ClickHouse's native-protocol client.
	returns("clickhouse_driver.Client", "clickhouse_driver.Client")
	serviceRequests("ASL202", "use an asyncio ClickHouse client (asynch, aiochclient) or run it with `await asyncio.to_thread(...)`",
		prefixed("clickhouse_driver.Client.", "execute", "execute_iter", "execute_with_progress", "query_dataframe",
			"insert_dataframe")...)
}

// DuckDB (the duckdb Python package, 1.x): an analytic database engine
// that runs in the calling process over local files (and, with httpfs,
// remote Parquet/CSV). `duckdb.connect(database=":memory:", read_only=...)`
// returns a DuckDBPyConnection whose `execute(query, parameters)` runs the
// statement to completion and returns the connection itself, and whose
// fetch methods materialise the result; `sql`/`query`/`table`/`read_*`
// build a DuckDBPyRelation, which executes when fetched (`fetchall`,
// `df`, `arrow`, `pl`), written (`write_parquet`) or stored (`create`,
// `insert_into`); the module-level `duckdb.execute`/`duckdb.sql` run on the
// default connection (duckdb's Python API docs, "Connection" and
// "Relational API"). A query scans and aggregates whole files: seconds of
// work on the calling thread, which huggingface/dataset-viewer#1984 moved
// off the event loop ("DuckDB queries are not asynchronous and they block
// the event loop"). Unlike sqlite3 (InProcessFileDatabase, whose queries
// are short row lookups and count as local file work), DuckDB queries are
// recorded as database requests per call (ASL202, followed through
// helpers), and an in-memory connection is not exempt: its queries read
// the files they name (`SELECT * FROM 'data.parquet'`). Opening the
// connection is not listed (it maps the file; the queries are the wait),
// nor are relation builders, which only plan.
const duckdbAlt = "run the query in a worker thread: `await asyncio.to_thread(...)` (DuckDB has no asyncio API; " +
	"use one connection per thread, `con.cursor()`)"

var (
	duckdbConnectionRuns = []string{"execute", "executemany", "fetchone", "fetchall", "fetchmany", "fetchdf", "fetch_df",
		"df", "fetchnumpy", "fetch_arrow_table", "arrow", "pl", "fetch_record_batch", "commit", "checkpoint",
		"install_extension", "load_extension"}
	duckdbRelationBuilders = []string{"sql", "query", "table", "view", "values", "read_csv", "read_json", "read_parquet",
		"from_csv_auto", "from_parquet", "from_df", "from_arrow"}
	duckdbRelationRuns = []string{"fetchone", "fetchall", "fetchmany", "fetchdf", "fetch_df", "df", "to_df",
		"fetchnumpy", "fetch_arrow_table", "arrow", "to_arrow_table", "pl", "execute", "show", "write_csv", "to_csv",
		"write_parquet", "to_parquet", "create", "to_table", "insert_into"}
)

func init() {
	const conn, rel = "duckdb.DuckDBPyConnection", "duckdb.DuckDBPyRelation"
	for _, name := range []string{"duckdb.connect", "duckdb.default_connection", conn + ".cursor", conn + ".execute",
		conn + ".executemany", "duckdb.execute"} {
		returns(name, conn)
	}
	serviceRequests("ASL202", duckdbAlt, prefixed(conn+".", duckdbConnectionRuns...)...)
	serviceRequests("ASL202", duckdbAlt, "duckdb.execute", "duckdb.executemany", "duckdb.fetchall", "duckdb.fetchone",
		"duckdb.fetchdf", "duckdb.df", "duckdb.arrow", "duckdb.install_extension", "duckdb.load_extension")
	for _, m := range duckdbRelationBuilders {
		returns(conn+"."+m, rel)
		returns("duckdb."+m, rel)
	}
	serviceRequests("ASL202", duckdbAlt, prefixed(rel+".", duckdbRelationRuns...)...)
}
