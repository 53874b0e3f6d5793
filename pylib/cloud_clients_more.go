package pylib

// Cloud and infrastructure clients the library coverage audit added
// (docs/pylib-coverage.md): boto3's resource API, the Kubernetes client's
// typed APIs (and kubernetes_asyncio's), Azure Cosmos DB (sync and aio),
// BigQuery, Pub/Sub and pymemcache. Each sync call listed is an HTTP (or
// memcached) round trip on the calling thread (ASL202); each async twin's is
// a coroutine (ASL102 when not awaited). Local builders (`resource.Table(name)`,
// `client.get_container_client(name)`) and listings that fetch while
// iterated are not listed.

const (
	cosmosAlt   = "use `azure.cosmos.aio.CosmosClient` and await it, or `await asyncio.to_thread(...)`"
	bigqueryAlt = "run it with `await asyncio.to_thread(...)` (google-cloud-bigquery's client is synchronous)"
	pubsubAlt   = "wait with `await asyncio.wrap_future(...)`-style callbacks or `await asyncio.to_thread(...)`, not `.result()` on the loop"
	memcacheAlt = "use an asyncio memcached client (aiomcache) and await it, or `await asyncio.to_thread(...)`"
)

var (
	// The typed API classes of the official Kubernetes client
	// (kubernetes/client/api/*.py, generated): every public method but
	// api_client is a request through ApiClient.call_api; kubernetes_asyncio
	// generates the same classes with `async def` methods.
	kubeAPIs = []string{"CoreV1Api", "AppsV1Api", "BatchV1Api", "CustomObjectsApi", "NetworkingV1Api",
		"RbacAuthorizationV1Api", "AutoscalingV1Api", "AutoscalingV2Api", "StorageV1Api", "PolicyV1Api",
		"CoordinationV1Api", "ApiextensionsV1Api", "VersionApi"}
	dynamoTableRequests = []string{"put_item", "get_item", "update_item", "delete_item", "query", "scan", "load",
		"reload", "delete", "wait_until_exists", "wait_until_not_exists"}
	cosmosContainerRequests = []string{"read_item", "create_item", "upsert_item", "replace_item", "patch_item",
		"delete_item", "read", "delete_all_items_by_partition_key", "execute_item_batch"}
	memcacheCommands = []string{"get", "gets", "get_many", "gets_many", "get_multi", "set", "set_many", "set_multi",
		"add", "replace", "append", "prepend", "cas", "delete", "delete_many", "delete_multi", "incr", "decr", "touch",
		"stats", "version", "flush_all", "quit"}
)

func init() {
	// boto3's resource API (boto3 docs, "Resources"): boto3.resource and
	// Session.resource build a ServiceResource without a request;
	// `dynamodb.Table(name)`, `s3.Bucket(name)` and `s3.Object(bucket, key)`
	// are local too; their actions are operations of the service's client
	// (Table.put_item, get_item, query, scan...; Bucket.upload_file,
	// download_file, put_object; Object.get, put, delete), each an HTTPS
	// request. aioboto3's resources are async context managers whose
	// actions are coroutines (async_libs.go keeps aioboto3's names apart).
	const (
		resource = "boto3.resources.base.ServiceResource"
		table    = "boto3.resources.dynamodb.Table"
		bucket   = "boto3.resources.s3.Bucket"
		object   = "boto3.resources.s3.Object"
	)
	for _, f := range []string{"boto3.resource", "boto3.Session.resource", "boto3.session.Session.resource"} {
		returns(f, resource)
	}
	returns(resource+".Table", table)
	returns(resource+".Bucket", bucket)
	returns(resource+".Object", object)
	returns(bucket+".Object", object)
	serviceRequests("ASL202", awsAlt, prefixed(table+".", dynamoTableRequests...)...)
	serviceRequests("ASL202", awsAlt, prefixed(resource+".", "batch_get_item", "batch_write_item", "create_table",
		"create_bucket")...)
	serviceRequests("ASL202", awsAlt, prefixed(bucket+".", "upload_file", "download_file", "upload_fileobj",
		"download_fileobj", "put_object", "delete_objects", "copy", "create", "delete", "load")...)
	serviceRequests("ASL202", awsAlt, prefixed(object+".", "get", "put", "delete", "upload_file", "download_file",
		"upload_fileobj", "download_fileobj", "copy_from", "load", "reload")...)

	// The Kubernetes client's typed APIs and their kubernetes_asyncio twins;
	// kubernetes_asyncio's config.load_kube_config is `async def`
	// (kubernetes_asyncio/config/kube_config.py), a plain function in the
	// sync client.
	for _, api := range kubeAPIs {
		for _, typ := range []string{"kubernetes.client." + api, "kubernetes.client.api." + api} {
			returns(typ, typ)
			serviceRequestsOfAnyMethod("ASL202", kubeAlt, typ, "api_client")
			// "To make an asynchronous HTTP request, please pass
			// async_req=True" (each generated method's docstring): the
			// request runs in the ApiClient's thread pool and the call
			// returns its AsyncResult at once.
			a := entry(typ + ".*")
			a.Unblock, a.BlockingKeyword, a.FileArg = UnblockedLazy, "async_req", -1
		}
		for _, typ := range []string{"kubernetes_asyncio.client." + api, "kubernetes_asyncio.client.api." + api} {
			returns(typ, typ)
			coroutinesOfAnyMethod(typ, "api_client")
		}
	}
	coroutines("kubernetes_asyncio.config.load_kube_config", "kubernetes_asyncio.config.kube_config.load_kube_config")

	// Azure Cosmos DB: the sync client's DatabaseProxy and ContainerProxy
	// operations are requests; the aio client "provides coroutine-based
	// versions of all synchronous operations" (azure-cosmos, azure.cosmos.aio).
	// get_database_client and get_container_client only build proxies;
	// query_items and read_all_items return pagers that fetch while
	// iterated (UnblockedUnlessIterated for the sync one; the aio pager is
	// iterated with `async for`, not a coroutine).
	for _, pkg := range []string{"azure.cosmos", "azure.cosmos.aio"} {
		client, db, container := pkg+".CosmosClient", pkg+".DatabaseProxy", pkg+".ContainerProxy"
		returns(client, client)
		returns(client+".from_connection_string", client)
		returns(client+".get_database_client", db)
		returns(db+".get_container_client", container)
		dbOps := []string{"create_container", "create_container_if_not_exists", "delete_container", "read",
			"replace_container"}
		clientOps := []string{"create_database", "create_database_if_not_exists", "delete_database"}
		if pkg == "azure.cosmos" {
			returns(client+".create_database_if_not_exists", db)
			returns(client+".create_database", db)
			returns(db+".create_container_if_not_exists", container)
			returns(db+".create_container", container)
			serviceRequests("ASL202", cosmosAlt, prefixed(client+".", clientOps...)...)
			serviceRequests("ASL202", cosmosAlt, prefixed(db+".", dbOps...)...)
			serviceRequests("ASL202", cosmosAlt, prefixed(container+".", cosmosContainerRequests...)...)
			serviceRequests("ASL202", cosmosAlt, container+".query_items", container+".read_all_items")
			entry(container + ".query_items").Unblock = UnblockedUnlessIterated
			entry(container + ".read_all_items").Unblock = UnblockedUnlessIterated
			continue
		}
		awaitReturns(client+".create_database_if_not_exists", db)
		awaitReturns(client+".create_database", db)
		awaitReturns(db+".create_container_if_not_exists", container)
		awaitReturns(db+".create_container", container)
		coroutineMethods(client, append([]string{"close"}, clientOps...)...)
		coroutineMethods(db, dbOps...)
		coroutineMethods(container, cosmosContainerRequests...)
	}

	// BigQuery (google-cloud-bigquery, google/cloud/bigquery/client.py and
	// job/query.py): Client.query inserts the query job (a request) and
	// returns a QueryJob whose result() waits for it to finish;
	// query_and_wait does both; the table and dataset calls are requests.
	// list_rows returns a RowIterator that pages while iterated.
	const bq, queryJob = "google.cloud.bigquery.Client", "google.cloud.bigquery.job.QueryJob"
	for _, typ := range []string{bq, "google.cloud.bigquery.client.Client"} {
		returns(typ, typ)
		returns(typ+".query", queryJob)
		serviceRequests("ASL202", bigqueryAlt, prefixed(typ+".", "query", "query_and_wait", "get_table", "get_dataset",
			"create_table", "create_dataset", "delete_table", "delete_dataset", "update_table", "insert_rows",
			"insert_rows_json", "load_table_from_dataframe", "load_table_from_uri", "load_table_from_file",
			"load_table_from_json", "extract_table", "copy_table", "get_job", "cancel_job")...)
	}
	serviceRequests("ASL202", bigqueryAlt, queryJob+".result", queryJob+".to_dataframe", queryJob+".to_arrow")

	// Pub/Sub (google-cloud-pubsub): PublisherClient.publish batches the
	// message and returns a future at once; its result() waits for the
	// publish to be acknowledged. SubscriberClient.subscribe starts the
	// streaming pull in a background thread and returns a
	// StreamingPullFuture whose result() blocks until the pull stops;
	// SubscriberClient.pull and acknowledge are requests.
	const publisher, subscriber = "google.cloud.pubsub_v1.PublisherClient", "google.cloud.pubsub_v1.SubscriberClient"
	const pubFuture, pullFuture = "google.cloud.pubsub_v1.publisher.futures.Future",
		"google.cloud.pubsub_v1.subscriber.futures.StreamingPullFuture"
	returns(publisher, publisher)
	returns(subscriber, subscriber)
	returns(publisher+".publish", pubFuture)
	returns(subscriber+".subscribe", pullFuture)
	serviceRequests("ASL202", pubsubAlt, pubFuture+".result", pullFuture+".result")
	entry(pubFuture + ".result").Unblock = UnblockedByZeroTimeout
	entry(pullFuture + ".result").Unblock = UnblockedByZeroTimeout
	serviceRequests("ASL202", toThreadAlt, subscriber+".pull", subscriber+".acknowledge",
		subscriber+".modify_ack_deadline", publisher+".create_topic", subscriber+".create_subscription")

	// pymemcache (pymemcache/client/base.py): Client's commands write to
	// and read from its socket on the calling thread; PooledClient (the
	// thread-safe pool, "with the same client api") and HashClient (several
	// servers) likewise. aiomcache's Client is the asyncio one.
	for _, typ := range []string{"pymemcache.Client", "pymemcache.client.base.Client", "pymemcache.client.Client",
		"pymemcache.PooledClient", "pymemcache.client.base.PooledClient", "pymemcache.HashClient",
		"pymemcache.client.hash.HashClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", memcacheAlt, prefixed(typ+".", memcacheCommands...)...)
	}
}

// Third batch of the coverage audit: Azure Service Bus, Identity and Key
// Vault secrets, each a sync client and an `aio` twin whose methods of the
// same names are coroutines (azure-servicebus: `from azure.servicebus.aio
// import ServiceBusClient`, `await sender.send_messages(...)`; the Azure
// SDK's convention for every `.aio` package).
func init() {
	const (
		sbAlt       = "use `azure.servicebus.aio` and await it, or `await asyncio.to_thread(...)`"
		identityAlt = "use `azure.identity.aio`'s credential and await `get_token`, or `await asyncio.to_thread(...)`"
		vaultAlt    = "use `azure.keyvault.secrets.aio.SecretClient` and await it, or `await asyncio.to_thread(...)`"
	)
	senderOps := []string{"send_messages", "schedule_messages", "cancel_scheduled_messages"}
	receiverOps := []string{"receive_messages", "complete_message", "abandon_message", "dead_letter_message",
		"defer_message", "renew_message_lock", "peek_messages", "receive_deferred_messages"}
	for _, pkg := range []string{"azure.servicebus", "azure.servicebus.aio"} {
		client, sender, receiver := pkg+".ServiceBusClient", pkg+".ServiceBusSender", pkg+".ServiceBusReceiver"
		returns(client, client)
		returns(client+".from_connection_string", client)
		for _, m := range []string{"get_queue_sender", "get_topic_sender"} {
			returns(client+"."+m, sender)
		}
		for _, m := range []string{"get_queue_receiver", "get_subscription_receiver"} {
			returns(client+"."+m, receiver)
		}
		if pkg == "azure.servicebus" {
			serviceRequests("ASL202", sbAlt, prefixed(sender+".", senderOps...)...)
			serviceRequests("ASL202", sbAlt, prefixed(receiver+".", receiverOps...)...)
			continue
		}
		coroutineMethods(sender, append([]string{"close"}, senderOps...)...)
		coroutineMethods(receiver, append([]string{"close"}, receiverOps...)...)
		coroutineMethods(client, "close")
	}
	for _, cred := range []string{"DefaultAzureCredential", "ClientSecretCredential", "ManagedIdentityCredential",
		"CertificateCredential", "AzureCliCredential", "WorkloadIdentityCredential", "ChainedTokenCredential"} {
		returns("azure.identity."+cred, "azure.identity."+cred)
		serviceRequests("ASL202", identityAlt, "azure.identity."+cred+".get_token")
		returns("azure.identity.aio."+cred, "azure.identity.aio."+cred)
		coroutineMethods("azure.identity.aio."+cred, "get_token", "close")
	}
	secretOps := []string{"get_secret", "set_secret", "update_secret_properties", "backup_secret", "restore_secret_backup",
		"purge_deleted_secret", "get_deleted_secret"}
	returns("azure.keyvault.secrets.SecretClient", "azure.keyvault.secrets.SecretClient")
	serviceRequests("ASL202", vaultAlt, prefixed("azure.keyvault.secrets.SecretClient.", secretOps...)...)
	returns("azure.keyvault.secrets.aio.SecretClient", "azure.keyvault.secrets.aio.SecretClient")
	coroutineMethods("azure.keyvault.secrets.aio.SecretClient", append([]string{"close"}, secretOps...)...)
}

// Google Cloud's generated (GAPIC) clients: each service has a sync client
// whose RPC methods are gRPC/REST calls on the calling thread and an
// `*AsyncClient` whose methods of the same names are coroutines
// (google-cloud-texttospeech: TextToSpeechClient / TextToSpeechAsyncClient
// `synthesize_speech`; speech, translate v3 and Secret Manager alike).
func init() {
	const gapicAlt = "use the service's `*AsyncClient` and await it, or `await asyncio.to_thread(...)`"
	for _, svc := range []struct {
		mods        []string
		sync, async string
		rpcs        []string
	}{
		{[]string{"google.cloud.texttospeech", "google.cloud.texttospeech_v1"}, "TextToSpeechClient",
			"TextToSpeechAsyncClient", []string{"synthesize_speech", "list_voices"}},
		{[]string{"google.cloud.speech", "google.cloud.speech_v1", "google.cloud.speech_v2"}, "SpeechClient",
			"SpeechAsyncClient", []string{"recognize", "long_running_recognize"}},
		{[]string{"google.cloud.translate_v3", "google.cloud.translate"}, "TranslationServiceClient",
			"TranslationServiceAsyncClient", []string{"translate_text", "detect_language", "get_supported_languages"}},
		{[]string{"google.cloud.secretmanager", "google.cloud.secretmanager_v1"}, "SecretManagerServiceClient",
			"SecretManagerServiceAsyncClient", []string{"access_secret_version", "get_secret", "create_secret",
				"add_secret_version", "delete_secret"}},
	} {
		for _, mod := range svc.mods {
			s, a := mod+"."+svc.sync, mod+"."+svc.async
			returns(s, s)
			returns(a, a)
			serviceRequests("ASL202", gapicAlt, prefixed(s+".", svc.rpcs...)...)
			coroutineMethods(a, svc.rpcs...)
		}
	}
	// google-cloud-translate's v2 client (translate_v2.Client, REST) has no
	// async twin.
	for _, c := range []string{"google.cloud.translate_v2.Client", "google.cloud.translate_v2.client.Client"} {
		returns(c, c)
		serviceRequests("ASL202", toThreadAlt, c+".translate", c+".detect_language", c+".get_languages")
	}
}

// InfluxDB 2 (influxdb-client, corpus7 influxdb_client/client/): the sync
// client's QueryApi.query/query_raw/query_data_frame, DeleteApi.delete,
// ping and health are HTTP requests on the calling thread; the async
// client's (InfluxDBClientAsync) QueryApiAsync, WriteApiAsync and
// DeleteApiAsync methods of those names are `async def`. The sync
// WriteApi.write is left out: with the default WriteOptions it only
// queues the points for a batching thread (it blocks only in SYNCHRONOUS
// mode, which the call does not show).
func init() {
	const influxAlt = "use `influxdb_client.client.influxdb_client_async.InfluxDBClientAsync` and await it, or `await asyncio.to_thread(...)`"
	const q, d = "influxdb_client.client.query_api.QueryApi", "influxdb_client.client.delete_api.DeleteApi"
	for _, c := range []string{"influxdb_client.InfluxDBClient", "influxdb_client.client.influxdb_client.InfluxDBClient"} {
		returns(c, c)
		returns(c+".query_api", q)
		returns(c+".delete_api", d)
		serviceRequests("ASL202", influxAlt, c+".ping", c+".health")
	}
	LibraryBases["influxdb_client.QueryApi"] = []string{q}
	LibraryBases["influxdb_client.DeleteApi"] = []string{d}
	serviceRequests("ASL202", influxAlt, q+".query", q+".query_raw", q+".query_data_frame", d+".delete")
	const (
		ac = "influxdb_client.client.influxdb_client_async.InfluxDBClientAsync"
		aq = "influxdb_client.client.query_api_async.QueryApiAsync"
		aw = "influxdb_client.client.write_api_async.WriteApiAsync"
		ad = "influxdb_client.client.delete_api_async.DeleteApiAsync"
	)
	returns(ac, ac)
	returns(ac+".query_api", aq)
	returns(ac+".write_api", aw)
	returns(ac+".delete_api", ad)
	coroutineMethods(ac, "ping", "close")
	coroutineMethods(aq, "query", "query_raw", "query_data_frame")
	coroutineMethods(aw, "write")
	coroutineMethods(ad, "delete")
}
