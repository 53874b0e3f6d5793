package pylib

// Clients of search engines that async web back ends and retrieval
// pipelines call from coroutines. Meilisearch has two Python clients: the
// official `meilisearch` package, synchronous only (meilisearch/
// meilisearch-python#100 and #414, "There is no async support in this
// client"; its HTTP layer is requests), and meilisearch-python-sdk (formerly
// meilisearch-python-async), whose `AsyncClient`/`AsyncIndex` methods are
// coroutines and whose `Client`/`Index` block ("The Index uses blocking
// methods, and should be used when using the Client", its index API page).
// `client.index(uid)` only builds the index object; `get_index` fetches it.
// Calling the synchronous index from an `async def` endpoint is the bug a
// blog back end fixed by moving to the SDK's AsyncClient
// (ImadSaddik/ImadSaddikWebsite#211, bench/realbugs93).

const meiliAlt = "use meilisearch-python-sdk's `AsyncClient` and await it, or `await asyncio.to_thread(...)`"

var (
	// Requests of a Meilisearch index (documents, search, settings, tasks),
	// common to meilisearch.Index and meilisearch-python-sdk's Index and
	// AsyncIndex.
	meiliIndexRequests = []string{"search", "facet_search", "get_document", "get_documents", "add_documents",
		"add_documents_in_batches", "update_documents", "update_documents_in_batches", "delete_document",
		"delete_documents", "delete_all_documents", "update", "delete", "fetch_info", "get_primary_key", "get_stats",
		"get_settings", "update_settings", "reset_settings", "get_filterable_attributes",
		"update_filterable_attributes", "get_sortable_attributes", "update_sortable_attributes",
		"get_searchable_attributes", "update_searchable_attributes", "get_displayed_attributes",
		"update_displayed_attributes", "update_ranking_rules", "update_synonyms", "update_stop_words"}
	// Requests of a Meilisearch client (indexes, stats, keys, tasks).
	meiliClientRequests = []string{"create_index", "delete_index", "get_indexes", "multi_search", "get_all_stats",
		"health", "get_version", "get_keys", "get_key", "create_key", "update_key", "delete_key", "create_dump",
		"create_snapshot", "swap_indexes", "get_tasks", "get_task", "cancel_tasks", "delete_tasks", "wait_for_task"}
)

func init() {
	// The official synchronous client: meilisearch.Client's requests and
	// those of the meilisearch.index.Index its index()/get_index() return;
	// the official Index's own task helpers (get_tasks, wait_for_task, which
	// polls with time.sleep) block as well.
	const meiliClient, meiliIndex = "meilisearch.Client", "meilisearch.index.Index"
	for _, typ := range []string{meiliClient, "meilisearch.client.Client"} {
		returns(typ, typ)
		serviceRequests("ASL202", meiliAlt, prefixed(typ+".", append([]string{"get_index", "is_healthy"},
			meiliClientRequests...)...)...)
		returns(typ+".index", meiliIndex)
		returns(typ+".get_index", meiliIndex)
	}
	returns("meilisearch.Index", meiliIndex)
	for _, typ := range []string{meiliIndex, "meilisearch.Index"} {
		serviceRequests("ASL202", meiliAlt, prefixed(typ+".", append([]string{"get_tasks", "get_task",
			"wait_for_task"}, meiliIndexRequests...)...)...)
	}

	// meilisearch-python-sdk's synchronous Client and Index block the same
	// way.
	const sdkClient, sdkIndex = "meilisearch_python_sdk.Client", "meilisearch_python_sdk.index.Index"
	returns(sdkClient, sdkClient)
	serviceRequests("ASL202", meiliAlt, prefixed(sdkClient+".", append([]string{"get_index", "get_or_create_index"},
		meiliClientRequests...)...)...)
	for _, m := range []string{"index", "get_index", "get_or_create_index", "create_index"} {
		returns(sdkClient+"."+m, sdkIndex)
	}
	serviceRequests("ASL202", meiliAlt, prefixed(sdkIndex+".", meiliIndexRequests...)...)

	// Its AsyncClient (and meilisearch-python-async's Client, the same
	// client before the rename, long2ice/meilisync#20): the client's
	// requests and its AsyncIndex's are coroutines (`index = await
	// client.create_index("books")`, `task = await index.add_documents(...)`,
	// `await client.wait_for_task(task.task_uid)`); index() is local.
	const asyncIndex = "meilisearch_python_sdk.index.AsyncIndex"
	for _, typ := range []string{"meilisearch_python_sdk.AsyncClient", "meilisearch_python_async.Client"} {
		returns(typ, typ)
		coroutineMethods(typ, append([]string{"get_index", "get_or_create_index", "aclose"}, meiliClientRequests...)...)
		returns(typ+".index", asyncIndex)
		for _, m := range []string{"get_index", "get_or_create_index", "create_index"} {
			awaitReturns(typ+"."+m, asyncIndex)
		}
	}
	coroutineMethods(asyncIndex, meiliIndexRequests...)
}
