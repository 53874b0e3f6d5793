package pylib

// Libraries added by the twenty-fourth session's coverage audit (branch
// `libcov24`, docs/pylib-coverage.md, "Gaps closed and async libraries
// added"): first the gaps the earlier audits listed (mistralai's other
// resources, AssemblyAI, ElevenLabs' async client, Zep, AsyncExa, Pub/Sub's
// GAPIC async clients, TwitchIO 3), then async libraries that had no
// record at all (arq, aiormq, ormar, EdgeDB/Gel, Gemini's Live API). As
// everywhere in pylib, matched on a receiver typed as the library's class
// (constructor, factory's return or await result, annotation, project
// subclass), never on a method's name alone.

const (
	assemblyAlt   = "run it with `await asyncio.to_thread(...)`, or submit with `transcribe_async` and wait for the future with `await asyncio.wrap_future(...)`"
	elevenAlt     = "use `elevenlabs.AsyncElevenLabs` and await it, or `await asyncio.to_thread(...)`"
	zepAlt        = "use `zep_cloud.client.AsyncZep` and await it, or `await asyncio.to_thread(...)`"
	edgedbAlt     = "use the asyncio client (`create_async_client()`) and await it, or `await asyncio.to_thread(...)`"
	mistralMoreAl = "use the `_async` method (`files.upload_async`, `ocr.process_async`) and await it, or `await asyncio.to_thread(...)`"
)

var (
	// mistralai 1.x/2.x (Speakeasy; README "Available Resources and
	// Operations"; sdk.py `_init_sdks`: models, files, fine_tuning, batch,
	// chat, fim, agents, embeddings, classifiers, ocr): each operation is
	// a `def` that sends the request through the SDK's httpx.Client and an
	// `async def <name>_async` twin ("The same SDK client can also be used
	// to make asynchronous requests": `res = await
	// mistral.files.upload_async(...)`). chat/fim/agents/embeddings are in
	// sdk_clients.go.
	mistralMoreOps = map[string][]string{
		"models":                   {"list", "retrieve", "delete", "update", "archive", "unarchive"},
		"files":                    {"upload", "list", "retrieve", "delete", "download", "get_signed_url"},
		"fine_tuning.jobs":         {"list", "create", "get", "cancel", "start"},
		"batch.jobs":               {"list", "create", "get", "cancel"},
		"classifiers":              {"moderate", "moderate_chat", "classify", "classify_chat"},
		"ocr":                      {"process"},
		"audio.transcriptions":     {"complete", "stream"},
		"beta.conversations":       {"start", "list", "get", "delete", "append", "get_history", "get_messages", "restart", "start_stream", "append_stream", "restart_stream"},
		"beta.agents":              {"create", "list", "get", "update", "delete"},
		"beta.libraries":           {"list", "create", "get", "delete", "update"},
		"beta.libraries.documents": {"list", "upload", "get", "update", "delete", "text_content", "status", "get_signed_url", "reprocess"},
	}
	// ElevenLabs (Fern-generated elevenlabs-python: voices/client.py's
	// VoicesClient get_all/get_default_settings/get_settings/get/delete/
	// edit_settings each `self._client_wrapper.httpx_client.request(...)`,
	// their AsyncVoicesClient twins `await` it; speech_to_text/client.py
	// `await client.speech_to_text.convert(model_id=...)`; Home
	// Assistant's elevenlabs integration `await client.models.get_all()`).
	// text_to_speech.convert and .stream are not requests at the call: the
	// sync ones are generators (nothing is sent until iterated; recorded
	// below as lazy), the async ones async generators.
	elevenRequests = []string{"voices.get_all", "voices.get", "voices.get_settings", "voices.get_default_settings",
		"voices.delete", "voices.edit_settings", "models.get_all", "speech_to_text.convert"}
	// Zep Cloud (getzep/zep-python src/zep_cloud/base_client.py: Zep and
	// AsyncZep build document/graph/memory/thread/user clients over an
	// httpx.Client or httpx.AsyncClient; its docs and users: `await
	// client.thread.create(...)`, `await client.thread.add_messages(...)`,
	// `await client.thread.get_user_context(...)`, `await
	// zep.graph.search(...)`, `await zep.memory.add(...)`, `await
	// zep_client_async.memory.get(session_id=...)`, `await
	// zep.user.get_facts(...)`).
	zepRequests = []string{"thread.create", "thread.add_messages", "thread.get_user_context", "graph.search",
		"memory.add", "memory.get", "user.get_facts"}
	// EdgeDB / Gel clients (edgedb-python docs/usage.rst: create_client()
	// gives an edgedb.Client, "When used with asyncio, this should be
	// replaced with edgedb.create_async_client which creates an instance
	// of the AsyncIOClient", `user_set = await client.query(...)`, `await
	// client.aclose()`; the API reference's query, query_single,
	// query_required_single and execute; docs.geldata.com:
	// "the blocking API is fundamentally identical").
	edgedbQueries = []string{"query", "query_single", "query_required_single", "execute"}
)

func init() {
	for _, c := range []string{"mistralai.Mistral", "mistralai.client.Mistral", "mistralai.sdk.Mistral",
		"mistralai.client.sdk.Mistral"} {
		returns(c, "mistralai.Mistral")
	}
	for res, ops := range mistralMoreOps {
		for _, op := range ops {
			serviceRequests("ASL202", mistralMoreAl, "mistralai.Mistral."+res+"."+op)
			coroutines("mistralai.Mistral." + res + "." + op + "_async")
		}
	}

	// AssemblyAI (AssemblyAI/assemblyai-python-sdk assemblyai/
	// transcriber.py): Transcriber.transcribe submits the file and "polls
	// the given transcript until we have a status other than processing or
	// queued" (`time.sleep(polling_interval)` between requests);
	// transcribe_group likewise for a list; submit/submit_group send the
	// request without polling. Transcript.get_by_id "Blocks until the
	// transcript is completed"; a transcript's export_subtitles_srt/vtt,
	// word_search, get_sentences, get_paragraphs, get_redacted_audio_url
	// and save_redacted_audio are requests. The `_async` methods submit to
	// a ThreadPoolExecutor and return a concurrent.futures.Future (whose
	// result() blocks: recorded in blocking.go). RealtimeTranscriber.connect
	// opens a websocket (10 s timeout) and close joins the reader and
	// writer threads.
	const (
		transcriber = "assemblyai.Transcriber"
		transcript  = "assemblyai.Transcript"
		realtime    = "assemblyai.RealtimeTranscriber"
	)
	for _, pair := range [][2]string{{"assemblyai.Transcriber", transcriber}, {"assemblyai.transcriber.Transcriber", transcriber},
		{"assemblyai.Transcript", transcript}, {"assemblyai.transcriber.Transcript", transcript},
		{"assemblyai.RealtimeTranscriber", realtime}, {"assemblyai.transcriber.RealtimeTranscriber", realtime}} {
		returns(pair[0], pair[1])
	}
	serviceRequests("ASL202", assemblyAlt, prefixed(transcriber+".", "transcribe", "submit", "transcribe_group",
		"submit_group")...)
	returns(transcriber+".transcribe", transcript)
	returns(transcriber+".submit", transcript)
	for _, f := range []string{"transcribe_async", "transcribe_group_async"} {
		returns(transcriber+"."+f, "concurrent.futures.Future")
	}
	returns(transcript+".get_by_id", transcript)
	returns(transcript+".wait_for_completion", transcript)
	returns(transcript+".get_by_id_async", "concurrent.futures.Future")
	returns(transcript+".wait_for_completion_async", "concurrent.futures.Future")
	serviceRequests("ASL202", assemblyAlt, prefixed(transcript+".", "get_by_id", "wait_for_completion",
		"export_subtitles_srt", "export_subtitles_vtt", "word_search", "get_sentences", "get_paragraphs",
		"get_redacted_audio_url", "save_redacted_audio")...)
	serviceRequests("ASL202", "run it with `await asyncio.to_thread(...)`", realtime+".connect", realtime+".close")

	// ElevenLabs: ElevenLabs (sync) and AsyncElevenLabs, from `elevenlabs`
	// and `elevenlabs.client`.
	for _, c := range []string{"elevenlabs.ElevenLabs", "elevenlabs.client.ElevenLabs"} {
		returns(c, "elevenlabs.ElevenLabs")
	}
	for _, c := range []string{"elevenlabs.AsyncElevenLabs", "elevenlabs.client.AsyncElevenLabs"} {
		returns(c, "elevenlabs.AsyncElevenLabs")
	}
	serviceRequests("ASL202", elevenAlt, prefixed("elevenlabs.ElevenLabs.", elevenRequests...)...)
	coroutineMethods("elevenlabs.AsyncElevenLabs", elevenRequests...)
	// The sync client's text_to_speech.convert and .stream return an
	// Iterator[bytes] that sends the POST and streams the audio as it is
	// iterated: a request where the result is iterated in place
	// (`b"".join(client.text_to_speech.convert(...))`, `for chunk in
	// audio:` after `audio = ...convert(...)`), which projects move to a
	// thread whole (`return b"".join(audio_iter)` in a helper run by
	// `asyncio.to_thread`); openclaw-voice#13 ("ElevenLabs generator now
	// run in executors"), bench/realbugs87.
	lazyTTS := prefixed("elevenlabs.ElevenLabs.text_to_speech.", "convert", "stream")
	serviceRequests("ASL202", elevenAlt, lazyTTS...)
	for _, n := range lazyTTS {
		entry(n).Unblock = UnblockedUnlessIterated
	}

	// Zep Cloud.
	for _, m := range []string{"zep_cloud.client", "zep_cloud"} {
		returns(m+".Zep", "zep_cloud.client.Zep")
		returns(m+".AsyncZep", "zep_cloud.client.AsyncZep")
	}
	serviceRequests("ASL202", zepAlt, prefixed("zep_cloud.client.Zep.", zepRequests...)...)
	coroutineMethods("zep_cloud.client.AsyncZep", zepRequests...)

	// Exa's async client (exa-py exa_py/api.py `class AsyncExa(Exa)`:
	// search, search_and_contents, get_contents, find_similar and
	// find_similar_and_contents are `async def`s awaiting
	// `self.async_request(...)` over an httpx.AsyncClient). Typed apart
	// from Exa, whose records (ai_data_libcov23.go) are its blocking twins:
	// the subclass overrides them.
	for _, c := range []string{"exa_py.AsyncExa", "exa_py.api.AsyncExa"} {
		returns(c, "exa_py.AsyncExa")
	}
	coroutineMethods("exa_py.AsyncExa", "search", "search_and_contents", "get_contents", "find_similar",
		"find_similar_and_contents")

	// Pub/Sub's generated async clients (googleapis/python-pubsub google/
	// pubsub_v1/services/publisher/async_client.py: `async def publish`,
	// `get_topic`, `list_topics` (await gives an AsyncPager), `delete_topic`
	// ... each `response = await rpc(request, ...)`; subscriber/
	// async_client.py `async def modify_ack_deadline`, and the same RPCs as
	// the sync SubscriberClient whose records are in cloud_clients_more.go).
	// streaming_pull is a plain method returning an awaitable stream: not
	// recorded.
	for _, mod := range []string{"google.pubsub_v1", "google.pubsub", "google.pubsub_v1.services.publisher",
		"google.pubsub_v1.services.subscriber"} {
		returns(mod+".PublisherAsyncClient", "google.pubsub_v1.PublisherAsyncClient")
		returns(mod+".SubscriberAsyncClient", "google.pubsub_v1.SubscriberAsyncClient")
	}
	coroutineMethods("google.pubsub_v1.PublisherAsyncClient", "create_topic", "publish", "get_topic", "list_topics",
		"list_topic_subscriptions", "list_topic_snapshots", "delete_topic")
	coroutineMethods("google.pubsub_v1.SubscriberAsyncClient", "create_subscription", "modify_ack_deadline",
		"acknowledge", "pull")

	// TwitchIO 3 (twitchio/ext/commands/context.py at 3.x: send,
	// send_translated, reply, reply_translated, send_announcement, invoke
	// and prepare are `async def`s; send is `await
	// self.channel.send_message(sender=..., message=...)`, the channel a
	// PartialUser in 3.x). `ctx.channel` is typed as TwitchIO 2's Channel
	// (chat_and_saas_clients.go), which has no send_message: the 3.x name
	// is recorded on both.
	coroutineMethods("twitchio.ext.commands.Context", "send_translated", "reply_translated", "send_announcement",
		"invoke", "prepare")
	coroutineMethods("twitchio.Channel", "send_message")
	coroutineMethods("twitchio.PartialUser", "send_message")
	LibraryBases["twitchio.user.PartialUser"] = []string{"twitchio.PartialUser"}
}

func init() {
	// arq (python-arq/arq arq/connections.py: `async def create_pool(...)
	// -> ArqRedis`, "Thin subclass of ``aioredis.Redis`` which adds
	// enqueue_job" (redis.asyncio.Redis in arq 0.23+); `async def
	// enqueue_job(...) -> Optional[Job]`, all_job_results, queued_jobs;
	// arq/jobs.py: Job's result ("waits for the result if it's not yet
	// available"), info, result_info, status and abort are `async def`s).
	const arqRedis, arqJob = "arq.connections.ArqRedis", "arq.jobs.Job"
	for _, f := range []string{"arq.create_pool", "arq.connections.create_pool"} {
		coroutines(f)
		awaitReturns(f, arqRedis)
	}
	LibraryBases["arq.ArqRedis"] = []string{arqRedis}
	LibraryBases[arqRedis] = []string{"redis.asyncio.Redis"}
	returns("arq.jobs.Job", arqJob)
	returns("arq.Job", arqJob)
	coroutineMethods(arqRedis, "enqueue_job", "all_job_results", "queued_jobs")
	awaitReturns(arqRedis+".enqueue_job", arqJob)
	coroutineMethods(arqJob, "result", "info", "result_info", "status", "abort")

	// aiormq (Debian python3-aiormq 6.4.2: aiormq/connection.py `async def
	// connect(...)` gives a Connection, `async def channel(...)` a Channel;
	// aiormq/channel.py: basic_publish/get/consume/ack/nack/reject/qos/
	// cancel/recover, exchange_* and queue_* declarations, tx_*, flow and
	// confirm_delivery are `async def`s; base.py `async def close`).
	const amqConn, amqChan = "aiormq.Connection", "aiormq.Channel"
	for _, f := range []string{"aiormq.connect", "aiormq.connection.connect"} {
		coroutines(f)
		awaitReturns(f, amqConn)
	}
	returns(amqConn, amqConn)
	LibraryBases["aiormq.connection.Connection"] = []string{amqConn}
	LibraryBases["aiormq.channel.Channel"] = []string{amqChan}
	// aiormq/abc.py's AbstractChannel and AbstractConnection, the
	// annotations aio-pika and others type their receivers with, declare
	// the same methods (basic_ack/nack/reject as plain methods returning an
	// awaitable, the concrete Channel's are `async def`s).
	LibraryBases["aiormq.abc.AbstractChannel"] = []string{amqChan}
	LibraryBases["aiormq.abc.AbstractConnection"] = []string{amqConn}
	// A delivered message (abc.py `class DeliveredMessage(NamedTuple)`,
	// `channel: "AbstractChannel"`) carries its channel.
	LibraryAttrTypes["aiormq.abc.DeliveredMessage.channel"] = amqChan
	LibraryBases["aiormq.DeliveredMessage"] = []string{"aiormq.abc.DeliveredMessage"}
	coroutineMethods(amqConn, "connect", "channel", "close", "update_secret", "ready")
	awaitReturns(amqConn+".channel", amqChan)
	coroutineMethods(amqChan, "open", "close", "basic_get", "basic_cancel", "basic_consume", "basic_ack",
		"basic_nack", "basic_reject", "basic_publish", "basic_qos", "basic_recover", "exchange_declare",
		"exchange_delete", "exchange_bind", "exchange_unbind", "flow", "queue_bind", "queue_declare",
		"queue_delete", "queue_purge", "queue_unbind", "tx_commit", "tx_rollback", "tx_select",
		"confirm_delivery")

	// ormar (corpus4 ormar 0.12: models/metaclass.py `def objects(cls) ->
	// QuerySet` on the model's metaclass; queryset/queryset.py: filter,
	// exclude, select_related, select_all, prefetch_related, fields,
	// exclude_fields, order_by, paginate, limit and offset return a
	// QuerySet; values, values_list, exists, count, max, min, sum, avg,
	// update, delete, first, get_or_none, get, get_or_create,
	// update_or_create, all, create, bulk_create and bulk_update are
	// `async def`s (iterate is an async generator: not listed);
	// models/model.py: a model's upsert, save, save_related, update,
	// delete, load and load_all are `async def`s). A project model
	// subclasses ormar.Model.
	const ormarModel, ormarQS = "ormar.Model", "ormar.QuerySet"
	LibraryBases["ormar.models.Model"] = []string{ormarModel}
	LibraryBases["ormar.models.model.Model"] = []string{ormarModel}
	LibraryBases["ormar.queryset.QuerySet"] = []string{ormarQS}
	LibraryBases["ormar.queryset.queryset.QuerySet"] = []string{ormarQS}
	ormarRuns := []string{"values", "values_list", "exists", "count", "max", "min", "sum", "avg", "update", "delete",
		"first", "get_or_none", "get", "get_or_create", "update_or_create", "all", "create", "bulk_create",
		"bulk_update"}
	for _, typ := range []string{ormarModel + ".objects", ormarQS} {
		for _, m := range []string{"filter", "exclude", "select_related", "select_all", "prefetch_related", "fields",
			"exclude_fields", "order_by", "paginate", "limit", "offset"} {
			returns(typ+"."+m, ormarQS)
		}
		coroutineMethods(typ, ormarRuns...)
		for _, m := range []string{"first", "get", "create", "update_or_create"} {
			awaitReturns(typ+"."+m, ormarModel)
		}
	}
	coroutineMethods(ormarModel, "upsert", "save", "save_related", "update", "delete", "load", "load_all")

	// EdgeDB and Gel.
	for _, mod := range []string{"edgedb", "gel"} {
		sync, async := mod+".Client", mod+".AsyncIOClient"
		returns(mod+".create_client", sync)
		returns(mod+".create_async_client", async)
		returns(sync, sync)
		returns(async, async)
		serviceRequests("ASL202", edgedbAlt, prefixed(sync+".", edgedbQueries...)...)
		coroutineMethods(async, append(edgedbQueries, "aclose")...)
	}

	// Gemini's Live API (google-genai; its examples: `async with
	// client.aio.live.connect(model=..., config=...) as session: await
	// session.send_client_content(...)`, `await
	// session.send_realtime_input(...)`, `await session.send(input=...,
	// end_of_turn=True)`, `async for message in session.receive()`).
	// connect is an async context manager only (ASL108 under a plain
	// `with`) whose `__aenter__` gives a google.genai.live.AsyncSession.
	const liveConnect, liveSession = "google.genai.Client.aio.live.connect", "google.genai.live.AsyncSession"
	returns(liveConnect, liveConnect)
	asyncWithOnly(liveConnect)
	coroutineMethods(liveConnect, "__aenter__", "__aexit__")
	awaitReturns(liveConnect+".__aenter__", liveSession)
	coroutineMethods(liveSession, "send_client_content", "send_realtime_input", "send")

	// Piccolo (piccolo-orm/piccolo piccolo/table.py: the Table classmethods
	// insert, raw, select, delete, create_table, alter, objects, count,
	// exists, table_exists, update, indexes, create_index and drop_index
	// build a query ("await Band.select(Band.name).run()", "await
	// Band.objects().where(...).first().run()", "await
	// pythonistas.save().run()"); piccolo/query/base.py: Query (and DDL)
	// `async def run`, `__await__` proxying to it, and `def run_sync`, "A
	// convenience method for running the coroutine synchronously", which
	// piccolo.utils.sync.run_sync waits for on the calling thread (in a
	// worker thread when a loop is running)). One type stands for every
	// query class: the clauses chained in the docstrings (where, first,
	// columns, order_by, ...) give the query back.
	const pTable, pQuery = "piccolo.table.Table", "piccolo.query.base.Query"
	for _, m := range []string{"insert", "raw", "select", "delete", "create_table", "alter", "objects", "count",
		"exists", "table_exists", "update", "indexes", "create_index", "drop_index", "save", "remove"} {
		returns(pTable+"."+m, pQuery)
	}
	for _, m := range []string{"where", "first", "columns", "order_by", "limit", "offset", "output", "values",
		"distinct", "group_by", "rename_column", "freeze"} {
		returns(pQuery+"."+m, pQuery)
	}
	LibraryBases["piccolo.query.Query"] = []string{pQuery}
	coroutineMethods(pQuery, "run")
	serviceRequests("ASL202", "await the query (`await query` or `await query.run()`) instead of `run_sync()`",
		pQuery+".run_sync")

	// LiveKit. livekit-agents (livekit/agents livekit-agents/livekit/
	// agents/job.py): JobContext's connect and wait_for_participant are
	// `async def`s, its `room` property is an rtc.Room, `agent` the room's
	// LocalParticipant and `api` a LiveKitAPI (whose `room.delete_room`
	// and `sip.create_sip_participant`/`transfer_sip_participant` the job
	// awaits); JobRequest's accept and reject are `async def`s (delete_room
	// and the SIP helpers of the context return tasks it keeps: not
	// coroutines). livekit-rtc (livekit/python-sdks livekit-rtc/livekit/
	// rtc/room.py: Room's connect and disconnect are `async def`s,
	// `local_participant` a LocalParticipant; participant.py:
	// LocalParticipant's publish_data, publish_dtmf, publish_transcription,
	// perform_rpc, set_metadata, set_name, set_attributes and publish_track
	// are `async def`s).
	const (
		lkCtx   = "livekit.agents.JobContext"
		lkRoom  = "livekit.rtc.Room"
		lkLocal = "livekit.rtc.LocalParticipant"
		lkAPI   = "livekit.api.LiveKitAPI"
	)
	LibraryBases["livekit.agents.job.JobContext"] = []string{lkCtx}
	LibraryBases["livekit.agents.job.JobRequest"] = []string{"livekit.agents.JobRequest"}
	LibraryBases["livekit.rtc.room.Room"] = []string{lkRoom}
	LibraryBases["livekit.rtc.participant.LocalParticipant"] = []string{lkLocal}
	coroutineMethods(lkCtx, "connect", "wait_for_participant")
	LibraryAttrTypes[lkCtx+".room"] = lkRoom
	LibraryAttrTypes[lkCtx+".agent"] = lkLocal
	LibraryAttrTypes[lkCtx+".api"] = lkAPI
	coroutineMethods("livekit.agents.JobRequest", "accept", "reject")
	returns(lkRoom, lkRoom)
	coroutineMethods(lkRoom, "connect", "disconnect")
	LibraryAttrTypes[lkRoom+".local_participant"] = lkLocal
	coroutineMethods(lkLocal, "publish_data", "publish_dtmf", "publish_transcription", "perform_rpc", "set_metadata",
		"set_name", "set_attributes", "publish_track")
	for _, c := range []string{lkAPI, "livekit.api.livekit_api.LiveKitAPI"} {
		returns(c, lkAPI)
	}
	coroutineMethods(lkAPI, "room.delete_room", "sip.create_sip_participant", "sip.transfer_sip_participant")

	// boto3 waiters and paginators. aiobotocore (corpus36 aiobotocore/
	// waiter.py `class AIOWaiter(Waiter)` whose `async def wait` polls the
	// operation and `await asyncio.sleep(sleep_amount)` between attempts,
	// the port of botocore's Waiter.wait, which sleeps on the calling
	// thread; paginate.py `class AioPageIterator(PageIterator)` whose
	// `async def build_full_result` reads every page, botocore's the same
	// with a plain `for`): `client.get_waiter(name).wait(...)` blocks for
	// as long as the resource takes (a stack, an instance, a bucket).
	const botoWaiter, botoPages = "botocore.waiter.Waiter", "botocore.paginate.PageIterator"
	returns("botocore.client.BaseClient.get_waiter", botoWaiter)
	returns("botocore.client.BaseClient.get_paginator", "botocore.paginate.Paginator")
	returns("botocore.paginate.Paginator.paginate", botoPages)
	serviceRequests("ASL202", "use aioboto3/aiobotocore (`await waiter.wait(...)`) or `await asyncio.to_thread(waiter.wait, ...)`",
		botoWaiter+".wait")
	serviceRequests("ASL202", "use aioboto3/aiobotocore or `await asyncio.to_thread(...)`", botoPages+".build_full_result")
	const aioWaiter, aioPages = "aiobotocore.waiter.AIOWaiter", "aiobotocore.paginate.AioPageIterator"
	returns("aiobotocore.client.AioBaseClient.get_waiter", aioWaiter)
	returns("aiobotocore.client.AioBaseClient.get_paginator", "aiobotocore.paginate.AioPaginator")
	returns("aiobotocore.paginate.AioPaginator.paginate", aioPages)
	coroutineMethods(aioWaiter, "wait")
	coroutineMethods(aioPages, "build_full_result")

	// asyncua (FreeOpcUa/opcua-asyncio asyncua/client/client.py: Client's
	// connect ("Connect, create and activate session"), disconnect,
	// get_endpoints, create_subscription, get_namespace_array/index,
	// read_values/write_values (get_values/set_values), browse_nodes,
	// load_data_type_definitions, ... are `async def`s; get_node,
	// get_root_node, get_objects_node and get_server_node return a Node at
	// once; the server's get_node likewise, its stop and create_subscription
	// `async def`s; asyncua/common/node.py: Node's read_value (get_value),
	// write_value (set_value, set_data_value), read_attribute(s),
	// write_attribute, get_children, get_child, get_parent, get_references,
	// ... are `async def`s, get_properties/get_variables/get_methods and
	// set_read_only plain methods returning the coroutine). python-opcua,
	// the synchronous library it replaced, connects on the calling thread
	// (`def connect(self): self.connect_socket(); self.send_hello(); ...`).
	const uaClient, uaServer, uaNode = "asyncua.Client", "asyncua.Server", "asyncua.Node"
	for _, pair := range [][2]string{{"asyncua.client.Client", uaClient}, {"asyncua.client.client.Client", uaClient},
		{"asyncua.server.Server", uaServer}, {"asyncua.server.server.Server", uaServer},
		{"asyncua.common.node.Node", uaNode}, {"asyncua.common.Node", uaNode}} {
		LibraryBases[pair[0]] = []string{pair[1]}
	}
	returns(uaClient, uaClient)
	returns(uaServer, uaServer)
	returns(uaNode, uaNode)
	coroutineMethods(uaClient, "connect", "disconnect", "connect_socket", "send_hello", "open_secure_channel",
		"close_secure_channel", "get_endpoints", "register_server", "find_servers", "find_servers_on_network",
		"create_session", "check_connection", "activate_session", "close_session", "create_subscription",
		"get_namespace_array", "get_namespace_index", "delete_nodes", "import_xml", "export_xml", "register_namespace",
		"load_type_definitions", "load_data_type_definitions", "load_enums", "register_nodes", "unregister_nodes",
		"read_values", "write_values", "get_values", "set_values", "browse_nodes")
	coroutineMethods(uaServer, "stop", "create_subscription")
	for _, typ := range []string{uaClient, uaServer} {
		for _, m := range []string{"get_node", "get_root_node", "get_objects_node"} {
			returns(typ+"."+m, uaNode)
		}
	}
	returns(uaClient+".get_server_node", uaNode)
	coroutineMethods(uaNode, "read_event_notifier", "set_event_notifier", "read_node_class", "get_description",
		"read_value", "get_value", "read_data_value", "write_array_dimensions", "read_array_dimensions",
		"write_value_rank", "read_value_rank", "write_value", "set_data_value", "set_value", "set_writable",
		"set_attr_bit", "unset_attr_bit", "set_read_only", "write_attribute", "read_attribute", "read_attributes",
		"get_children", "get_properties", "get_variables", "get_methods", "get_children_descriptions",
		"get_references", "get_referenced_nodes", "get_type_definition", "get_path", "get_parent", "get_child",
		"read_raw_history", "read_browse_name")
	awaitReturns(uaNode+".get_child", uaNode)
	awaitReturns(uaNode+".get_parent", uaNode)
	for _, c := range []string{"opcua.Client", "opcua.client.client.Client"} {
		returns(c, "opcua.Client")
	}
	serviceRequests("ASL202", "use asyncua's `Client` and await it, or `await asyncio.to_thread(...)`",
		"opcua.Client.connect", "opcua.Client.disconnect")

	// requests-cache (Debian python3-requests-cache 0.9.8 requests_cache/
	// session.py: `class CachedSession(CacheMixin, OriginalSession)`, with
	// `from requests import Session as OriginalSession`): its requests are
	// the Session's (blocking.go), a miss over the network, a hit a read of
	// the cache backend (SQLite by default).
	for _, c := range []string{"requests_cache.CachedSession", "requests_cache.session.CachedSession"} {
		LibraryBases[c] = []string{"requests.Session"}
		returns(c, c)
	}

	// python-socketio's synchronous client (corpus4 socketio/client.py):
	// connect waits for the namespaces to connect (`while
	// self._connect_event.wait(timeout=wait_timeout)`), call waits for the
	// acknowledgement (`callback_event.wait(timeout=timeout)`, 60 s by
	// default), wait runs until the connection ends and sleep is the
	// transport's (time.sleep under threading). socketio.AsyncClient's are
	// coroutines (async_libs.go).
	const sioAlt = "use `socketio.AsyncClient` and await it, or `await asyncio.to_thread(...)`"
	for _, c := range []string{"socketio.Client", "socketio.client.Client"} {
		returns(c, "socketio.Client")
	}
	serviceRequests("ASL202", sioAlt, prefixed("socketio.Client.", "connect", "call", "wait", "sleep")...)

	// Celery tasks (Debian python3-celery 5.2.6: celery/app/base.py
	// `def task(self, *args, **opts)`, "Decorator to create a task class
	// out of any callable"; celery/app/__init__.py `def shared_task`;
	// celery/app/task.py: `def delay(self, *args, **kwargs)`, "Returns:
	// celery.result.AsyncResult: Future promise", `return
	// self.apply_async(args, kwargs)`, and apply_async's "Returns:
	// celery.result.AsyncResult: Promise of future evaluation"): the
	// decorated function's delay and apply_async give the AsyncResult
	// whose get() waits (sync_clients_more.go).
	const celeryTask = "celery.app.task.Task"
	decorates(celeryTask, "celery.Celery.task", "celery.app.base.Celery.task", "celery.shared_task",
		"celery.app.shared_task")
	LibraryBases["celery.Task"] = []string{celeryTask}
	returns(celeryTask+".delay", "celery.result.AsyncResult")
	returns(celeryTask+".apply_async", "celery.result.AsyncResult")

	// taskiq (taskiq-python/taskiq taskiq/abc/broker.py: AsyncBroker's
	// `def task(...)`, "Decorator that turns function into a task ...
	// converts function to a TaskiqDecoratedTask object", register_task
	// returning one, `async def startup`, `async def shutdown`, `async def
	// kick`; taskiq/decor.py: AsyncTaskiqDecoratedTask's `async def kiq`,
	// "This method sends function call over the network", giving an
	// AsyncTaskiqTask; taskiq/task.py: its is_ready, get_result,
	// wait_result and get_progress are `async def`s): `my_task.kiq(x)`
	// without await sends nothing. The brokers subclass AsyncBroker (the
	// ones its documentation lists: taskiq's InMemoryBroker and
	// ZeroMQBroker, taskiq-redis', taskiq-aio-pika's, taskiq-nats').
	const tqBroker, tqDecorated, tqTask = "taskiq.AsyncBroker", "taskiq.AsyncTaskiqDecoratedTask", "taskiq.AsyncTaskiqTask"
	for _, b := range []string{"taskiq.abc.broker.AsyncBroker", "taskiq.abc.AsyncBroker", "taskiq.InMemoryBroker",
		"taskiq.ZeroMQBroker", "taskiq_redis.ListQueueBroker", "taskiq_redis.RedisStreamBroker",
		"taskiq_redis.PubSubBroker", "taskiq_aio_pika.AioPikaBroker", "taskiq_nats.NatsBroker",
		"taskiq_nats.PullBasedJetStreamBroker", "taskiq_nats.PushBasedJetStreamBroker"} {
		LibraryBases[b] = []string{tqBroker}
		returns(b, b)
	}
	LibraryBases["taskiq.decor.AsyncTaskiqDecoratedTask"] = []string{tqDecorated}
	LibraryBases["taskiq.task.AsyncTaskiqTask"] = []string{tqTask}
	decorates(tqDecorated, tqBroker+".task")
	returns(tqBroker+".register_task", tqDecorated)
	coroutineMethods(tqBroker, "startup", "shutdown", "kick")
	coroutineMethods(tqDecorated, "kiq")
	awaitReturns(tqDecorated+".kiq", tqTask)
	coroutineMethods(tqTask, "is_ready", "get_result", "wait_result", "get_progress")

	// Vertex AI's Gemini SDK (google-cloud-aiplatform vertexai/
	// generative_models/_generative_models.py): GenerativeModel's
	// generate_content sends the request through the sync prediction
	// client (`self._prediction_client.generate_content(request=...)`;
	// with stream=True a generator whose iteration sends it), count_tokens
	// and compute_tokens likewise; generate_content_async,
	// count_tokens_async and compute_tokens_async are `async def`s over
	// the async client; start_chat gives a ChatSession, whose send_message
	// sends the request.
	const vxModel, vxChat = "vertexai.generative_models.GenerativeModel", "vertexai.generative_models.ChatSession"
	for _, c := range []string{vxModel, "vertexai.preview.generative_models.GenerativeModel",
		"vertexai.generative_models._generative_models.GenerativeModel"} {
		returns(c, vxModel)
	}
	const vxAlt = "use `generate_content_async` (`count_tokens_async`, `compute_tokens_async`) and await it, or `await asyncio.to_thread(...)`"
	serviceRequests("ASL202", vxAlt, prefixed(vxModel+".", "generate_content", "count_tokens", "compute_tokens")...)
	coroutineMethods(vxModel, "generate_content_async", "count_tokens_async", "compute_tokens_async")
	returns(vxModel+".start_chat", vxChat)
	serviceRequests("ASL202", vxAlt, vxChat+".send_message")
}
