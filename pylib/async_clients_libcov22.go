package pylib

// Clients added by the twenty-second session's library audit (branch
// `libcov22`, docs/pylib-coverage.md): each an async library's coroutine
// methods (a call without await sends nothing) and, where the library has
// one, its synchronous twin's requests (ASL202 in a coroutine). As
// everywhere in pylib, matched on a receiver typed as the library's class,
// never on the method's name alone (`execute`, `run`, `start`, `result`
// mean other things on other objects).

func init() {
	// gql 3 (corpus5 gql/client.py). Client.execute "WILL BLOCK until the
	// result is received from the server": with a sync transport it sends
	// the request on the calling thread, with an async one it runs its own
	// loop.run_until_complete after `assert not loop.is_running(),
	// "Cannot run client.execute(query) if an asyncio loop is running. Use
	// 'await client.execute_async(query)' instead."`; execute_sync,
	// execute_batch(_sync) and connect_sync are the sync transport's
	// requests. execute_async, connect_async and close_async are `async
	// def`s. `async with client as session` binds `await
	// self.connect_async()`, an AsyncClientSession whose execute and
	// fetch_schema are `async def`s (subscribe is an async generator,
	// iterated, not listed).
	const gqlAlt = "use `await client.execute_async(...)` (or `async with client as session: await session.execute(...)`)"
	const gqlSession = "gql.client.AsyncClientSession"
	for _, c := range []string{"gql.Client", "gql.client.Client"} {
		returns(c, "gql.Client")
	}
	serviceRequests("ASL202", gqlAlt, prefixed("gql.Client.", "execute", "execute_sync", "execute_batch",
		"execute_batch_sync", "connect_sync")...)
	coroutineMethods("gql.Client", "execute_async", "connect_async", "close_async", "__aenter__", "__aexit__")
	awaitReturns("gql.Client.connect_async", gqlSession)
	awaitReturns("gql.Client.__aenter__", gqlSession)
	coroutineMethods(gqlSession, "execute", "fetch_schema")
}

func init() {
	// asyncmy (corpus6 asyncmy/contexts.py; asyncmy/connection.pyi and
	// cursors.pyx, long2ice/asyncmy): connect() returns a
	// _ConnectionContextManager, a Coroutine subclass whose `__await__`
	// and `__aenter__` give the Connection, as create_pool() gives the
	// Pool and Pool.acquire() the Connection. Connection.cursor() returns
	// the Cursor itself (`def cursor(...) -> Cursor`, unlike aiomysql's);
	// the connection's begin, commit, rollback, select_db, ping,
	// autocommit, query and ensure_closed are `async def`s, and so are a
	// cursor's execute, executemany, callproc, nextset and close; the
	// buffered cursor's fetchone, fetchmany and fetchall return a future
	// (`fut = self._loop.create_future()`), the unbuffered SSCursor's are
	// `async def`s: awaited either way.
	const conn, pool, cursor = "asyncmy.Connection", "asyncmy.Pool", "asyncmy.cursors.Cursor"
	for _, f := range []string{"asyncmy.connect", "asyncmy.connection.connect"} {
		with(Coroutine|Awaitable, f)
		awaitReturns(f, conn)
	}
	for _, f := range []string{"asyncmy.create_pool", "asyncmy.pool.create_pool"} {
		with(Coroutine|Awaitable, f)
		awaitReturns(f, pool)
	}
	LibraryBases["asyncmy.connection.Connection"] = []string{conn}
	LibraryBases["asyncmy.pool.Pool"] = []string{pool}
	with(Coroutine|Awaitable, pool+".acquire")
	awaitReturns(pool+".acquire", conn)
	coroutineMethods(pool, "wait_closed")
	returns(conn+".cursor", cursor)
	coroutineMethods(conn, "begin", "commit", "rollback", "select_db", "ping", "autocommit", "query", "ensure_closed",
		"show_warnings")
	coroutineMethods(cursor, "execute", "executemany", "callproc", "fetchone", "fetchmany", "fetchall", "nextset",
		"close")
	for _, c := range []string{"asyncmy.cursors.DictCursor", "asyncmy.cursors.SSCursor", "asyncmy.cursors.SSDictCursor"} {
		LibraryBases[c] = []string{cursor}
	}
}

func init() {
	// ODMantic (corpus8 odmantic/engine.py): AIOEngine's find_one, save,
	// save_all, delete, remove, count and configure_database are `async
	// def`s over Motor; SyncEngine's same-named methods are plain ones over
	// PyMongo, each a round trip to the server (ASL202 in a coroutine).
	// find() returns a cursor on both (AIOCursor is awaited or iterated
	// with `async for`; SyncCursor iterated): not listed.
	const odmanticAlt = "use `odmantic.AIOEngine` (Motor) and await it, or `await asyncio.to_thread(...)`"
	for _, e := range []string{"odmantic.AIOEngine", "odmantic.engine.AIOEngine"} {
		returns(e, "odmantic.AIOEngine")
	}
	for _, e := range []string{"odmantic.SyncEngine", "odmantic.engine.SyncEngine"} {
		returns(e, "odmantic.SyncEngine")
	}
	methods := []string{"find_one", "save", "save_all", "delete", "remove", "count", "configure_database"}
	coroutineMethods("odmantic.AIOEngine", methods...)
	serviceRequests("ASL202", odmanticAlt, prefixed("odmantic.SyncEngine.", methods...)...)
}

func init() {
	// Temporal's Python SDK (temporalio; docs.temporal.io, "Temporal Client
	// - Python SDK": `client = await Client.connect("localhost:7233")`,
	// `result = await client.execute_workflow(...)`; the API reference
	// (python.temporal.io) lists Client.connect as an async staticmethod,
	// start_workflow and execute_workflow as async methods, and
	// WorkflowHandle's cancel, describe, execute_update, fetch_history,
	// query, result, signal, start_update and terminate as "Async
	// Method"s). get_workflow_handle builds a handle without a request (a
	// plain method). A Worker runs with `await worker.run()`. Inside a
	// workflow, temporalio.workflow's execute_activity,
	// execute_child_workflow, start_child_workflow, sleep and
	// wait_condition are `async def`s (start_activity returns its handle at
	// once, not listed). A call without await starts, signals or waits for
	// nothing.
	const client, handle = "temporalio.client.Client", "temporalio.client.WorkflowHandle"
	returns(client, client)
	coroutineMethods(client, "connect", "start_workflow", "execute_workflow", "signal_with_start_workflow",
		"create_schedule", "count_workflows", "execute_update_with_start_workflow", "start_update_with_start_workflow")
	awaitReturns(client+".connect", client)
	awaitReturns(client+".start_workflow", handle)
	for _, m := range []string{"get_workflow_handle", "get_workflow_handle_for"} {
		returns(client+"."+m, handle)
	}
	coroutineMethods(handle, "result", "cancel", "describe", "query", "signal", "terminate", "execute_update",
		"start_update", "fetch_history")
	for _, w := range []string{"temporalio.worker.Worker", "temporalio.worker._worker.Worker"} {
		returns(w, "temporalio.worker.Worker")
	}
	coroutineMethods("temporalio.worker.Worker", "run", "shutdown")
	coroutines(prefixed("temporalio.workflow.", "execute_activity", "execute_activity_method",
		"execute_child_workflow", "start_child_workflow", "sleep", "wait_condition", "execute_local_activity")...)
}

func init() {
	// aiodocker (aio-libs/aiodocker, aiodocker/containers.py): the client's
	// `containers` attribute is a DockerContainers whose list, get, create,
	// create_or_replace and run are `async def`s returning DockerContainer
	// objects, and a DockerContainer's show, start, stop, restart, kill,
	// wait, delete, rename, exec, commit, pause, unpause, get_archive and
	// put_archive are `async def`s too (log and stats return an async
	// generator or a coroutine by their `follow`/`stream` argument, not
	// listed; container() builds one without a request). README: `for image
	// in (await docker.images.list())`, `await docker.close()`.
	const dc, container = "aiodocker.containers.DockerContainers", "aiodocker.containers.DockerContainer"
	for _, d := range []string{"aiodocker.Docker", "aiodocker.docker.Docker"} {
		returns(d, "aiodocker.Docker")
	}
	LibraryAttrTypes["aiodocker.Docker.containers"] = dc
	LibraryAttrTypes["aiodocker.Docker.images"] = "aiodocker.images.DockerImages"
	coroutineMethods("aiodocker.Docker", "close")
	coroutineMethods("aiodocker.images.DockerImages", "list")
	coroutineMethods(dc, "list", "get", "create", "create_or_replace", "run")
	for _, m := range []string{"get", "create", "create_or_replace", "run"} {
		awaitReturns(dc+"."+m, container)
	}
	returns(dc+".container", container)
	coroutineMethods(container, "show", "start", "stop", "restart", "kill", "wait", "delete", "rename", "exec",
		"commit", "pause", "unpause", "get_archive", "put_archive", "port", "resize", "websocket")
}

func init() {
	// crewAI Flows (crewai/flow/flow.py): Flow.kickoff "Start[s] the flow
	// execution in a synchronous context" by wrapping kickoff_async: in
	// older releases `return asyncio.run(run_flow())`, which raises inside
	// a running loop; in newer ones, when a loop is running, it runs
	// asyncio.run in a one-thread ThreadPoolExecutor and waits on
	// `.result()`, holding the loop for the whole flow. Either way a
	// coroutine must await kickoff_async (an `async def`; `akickoff`, its
	// crewAI 1.7+ name, awaits it). Projects subclass Flow (`class
	// PoemFlow(Flow[PoemState])`), found through the library base. crewAI
	// 1.7+ also gives Crew `akickoff`/`akickoff_for_each` and agents
	// `kickoff_async` (docs, "Native Async Support"); Agent.kickoff runs the
	// agent's LLM and tool calls on the calling thread.
	const flowAlt = "await `flow.kickoff_async(...)` (`akickoff` in crewAI 1.7+)"
	for _, f := range []string{"crewai.flow.Flow", "crewai.flow.flow.Flow", "crewai.Flow"} {
		returns(f, "crewai.flow.flow.Flow")
	}
	coroutineMethods("crewai.flow.flow.Flow", "kickoff_async", "akickoff")
	serviceRequests("ASL202", flowAlt, "crewai.flow.flow.Flow.kickoff")
	for _, c := range []string{"crewai.Crew", "crewai.crew.Crew"} {
		coroutineMethods(c, "akickoff", "akickoff_for_each")
	}
	const agentAlt = "await `agent.kickoff_async(...)` or `await asyncio.to_thread(agent.kickoff, ...)`"
	for _, a := range []string{"crewai.Agent", "crewai.agent.Agent"} {
		returns(a, "crewai.Agent")
	}
	coroutineMethods("crewai.Agent", "kickoff_async")
	serviceRequests("ASL202", agentAlt, "crewai.Agent.kickoff")
}

func init() {
	// AutoGen 0.2 and its continuation AG2 (PyPI `autogen`/`ag2`/`pyautogen`,
	// imported as `autogen`; autogen/agentchat/conversable_agent.py):
	// ConversableAgent.initiate_chat runs the whole conversation (every LLM
	// request, tool and code execution, up to max_turns) on the calling
	// thread and returns a ChatResult; `async def a_initiate_chat` is its
	// coroutine twin ("(async) Initiate a chat with the recipient agent"),
	// as `a_send`, `a_receive` and `a_generate_reply` are of send, receive
	// and generate_reply. AssistantAgent, UserProxyAgent and
	// GroupChatManager are ConversableAgents. generate_reply is left out (it
	// may only run the project's registered reply functions). AutoGen 0.4's
	// autogen_agentchat is recorded in agent_sdks.go.
	const agent = "autogen.ConversableAgent"
	const autogenAlt = "await the agent's `a_` twin (`await user.a_initiate_chat(...)`) or `await asyncio.to_thread(...)`"
	for _, mod := range []string{"autogen.", "autogen.agentchat.", "autogen.agentchat.conversable_agent."} {
		if mod+"ConversableAgent" != agent {
			LibraryBases[mod+"ConversableAgent"] = []string{agent}
		}
	}
	for _, a := range []string{"AssistantAgent", "UserProxyAgent", "GroupChatManager"} {
		for _, mod := range []string{"autogen.", "autogen.agentchat."} {
			LibraryBases[mod+a] = []string{agent}
		}
	}
	coroutineMethods(agent, "a_initiate_chat", "a_send", "a_receive", "a_generate_reply", "a_initiate_chats")
	serviceRequests("ASL202", autogenAlt, agent+".initiate_chat", agent+".initiate_chats")
}

func init() {
	// elasticsearch-py's helpers (corpus2 elasticsearch/helpers/actions.py,
	// _async/helpers.py): bulk() "consumes an iterator of actions and sends
	// them to elasticsearch in chunks", each chunk a request on the calling
	// thread, and reindex() scans and bulk-indexes a whole index; their
	// asyncio twins async_bulk and async_reindex are `async def`s over an
	// AsyncElasticsearch (exported from elasticsearch.helpers). scan and
	// streaming_bulk are generators whose requests run as they are
	// iterated: not listed.
	const esAlt = "use `elasticsearch.helpers.async_bulk` (`async_reindex`) with an AsyncElasticsearch and await it, or `await asyncio.to_thread(...)`"
	for _, mod := range []string{"elasticsearch.helpers.", "elasticsearch.helpers.actions."} {
		serviceRequests("ASL202", esAlt, mod+"bulk", mod+"reindex")
	}
	for _, mod := range []string{"elasticsearch.helpers.", "elasticsearch._async.helpers."} {
		coroutines(mod+"async_bulk", mod+"async_reindex")
	}
}

func init() {
	// discord-webhook (PyPI `discord-webhook`, imported as
	// `discord_webhook`): DiscordWebhook.execute/edit/delete post to
	// Discord with requests on the calling thread (and sleep through a
	// rate limit); discord_webhook/async_webhook.py's `class
	// AsyncDiscordWebhook(DiscordWebhook)`, the "Async version of
	// DiscordWebhook", overrides them with `async def execute`, `async def
	// edit` and `async def delete` over httpx.AsyncClient.
	const webhookAlt = "use `discord_webhook.AsyncDiscordWebhook` and await it, or `await asyncio.to_thread(webhook.execute)`"
	const sync, async = "discord_webhook.DiscordWebhook", "discord_webhook.AsyncDiscordWebhook"
	returns(sync, sync)
	returns("discord_webhook.webhook.DiscordWebhook", sync)
	returns(async, async)
	returns("discord_webhook.async_webhook.AsyncDiscordWebhook", async)
	serviceRequests("ASL202", webhookAlt, prefixed(sync+".", "execute", "edit", "delete")...)
	coroutineMethods(async, "execute", "edit", "delete")
}

func init() {
	// aioboto3's resources (aioboto3 README, "DynamoDB": `async with
	// session.resource('dynamodb', ...) as dynamo_resource: table = await
	// dynamo_resource.Table('test_table'); await table.put_item(...)`):
	// Session.resource returns an async context manager whose `__aenter__`
	// gives the service resource; a DynamoDB Table is created with `await`
	// and its actions (the twins of boto3's Table actions in
	// cloud_clients_more.go) are coroutines. Bound through `async with`
	// (Module.asyncEntered).
	const (
		creator  = "aioboto3.resources.ResourceCreatorContext"
		resource = "aioboto3.resources.base.AIOBoto3ServiceResource"
		table    = "aioboto3.resources.dynamodb.Table"
	)
	for _, f := range []string{"aioboto3.Session.resource", "aioboto3.session.Session.resource", "aioboto3.resource"} {
		returns(f, creator)
	}
	coroutineMethods(creator, "__aenter__", "__aexit__")
	awaitReturns(creator+".__aenter__", resource)
	coroutineMethods(resource, "Table")
	awaitReturns(resource+".Table", table)
	coroutineMethods(table, dynamoTableRequests...)
}

func init() {
	// The MCP SDK's client transports (mcp/client/stdio/__init__.py,
	// mcp/client/sse.py, mcp/client/streamable_http.py) are
	// `@asynccontextmanager async def`s that yield the read and write
	// streams (`async with stdio_client(server_params) as (read, write):`,
	// the SDK README), and mcp.ClientSession defines `__aenter__` and
	// `__aexit__` only (its requests are recorded in async_libs.go): a
	// plain `with` raises.
	asyncWithOnly("mcp.stdio_client", "mcp.client.stdio.stdio_client", "mcp.client.sse.sse_client",
		"mcp.client.streamable_http.streamablehttp_client", "mcp.ClientSession", "mcp.client.session.ClientSession")
}

func init() {
	// psycopg 3's async context managers (corpus6 psycopg/
	// connection_async.py: `@asynccontextmanager async def transaction`,
	// `@asynccontextmanager async def pipeline`; corpus8 psycopg_pool/
	// pool_async.py: `@asynccontextmanager async def connection`): a plain
	// `with` raises.
	asyncWithOnly("psycopg.AsyncConnection.transaction", "psycopg.AsyncConnection.pipeline",
		"psycopg_pool.AsyncConnectionPool.connection", "psycopg_pool.pool_async.AsyncConnectionPool.connection")
}

func init() {
	// httplib2 (its reference, "Http Objects": Http.request(uri,
	// method="GET", body=None, headers=None, ...) "Performs a single HTTP
	// request", on a socket of the calling thread; google-api-python-client
	// and oauth2client send through it).
	const httplib2Alt = "use an asyncio HTTP client (httpx.AsyncClient, aiohttp) and await it, or `await asyncio.to_thread(...)`"
	returns("httplib2.Http", "httplib2.Http")
	serviceRequests("ASL202", httplib2Alt, "httplib2.Http.request")

	// pysftp (its documentation, "pysftp.Connection": "Connects and logs
	// into the specified hostname", over paramiko's Transport and
	// SFTPClient): the constructor connects and authenticates, and the
	// file operations are SFTP round trips.
	const pysftpAlt = "use asyncssh's SFTP client (`await conn.start_sftp_client()`) or `await asyncio.to_thread(...)`"
	returns("pysftp.Connection", "pysftp.Connection")
	serviceRequests("ASL202", pysftpAlt, "pysftp.Connection")
	serviceRequests("ASL202", pysftpAlt, prefixed("pysftp.Connection.", "get", "put", "get_d", "get_r", "put_d",
		"put_r", "getfo", "putfo", "listdir", "listdir_attr", "mkdir", "makedirs", "remove", "unlink", "rmdir",
		"rename", "stat", "lstat", "exists", "isdir", "isfile", "chdir", "chmod", "chown", "execute", "walktree")...)
}
