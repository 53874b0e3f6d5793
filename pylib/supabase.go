package pylib

// Supabase's Python client (supabase-py) and the PostgREST query builders
// (postgrest-py) its `table()`/`from_()`/`rpc()` return. A query is built by
// a chain of plain method calls (`.select("*").eq("id", x).single()`) and
// sent by `execute()`: one HTTP round trip to PostgREST. The synchronous
// client (`create_client`, `supabase.Client`) sends it with a blocking
// httpx request; the async client (`await acreate_client(...)`,
// `supabase.AsyncClient`) makes `execute()` a coroutine, which does nothing
// until awaited.

const supabaseAlt = "use the async client (`await supabase.acreate_client(...)`) and `await ....execute()`, " +
	"or run the query in `await asyncio.to_thread(...)`"

// postgrestFilters are the filter and modifier methods of PostgREST's
// filter and select builders: each returns the builder it is called on.
var postgrestFilters = []string{"eq", "neq", "gt", "gte", "lt", "lte", "is_", "like", "ilike", "like_all_of",
	"like_any_of", "ilike_all_of", "ilike_any_of", "in_", "contains", "contained_by", "ov", "overlaps", "fts", "plfts",
	"phfts", "wfts", "not_", "or_", "match", "filter", "range_gt", "range_gte", "range_lt", "range_lte",
	"range_adjacent", "order", "limit", "offset", "range", "text_search", "csv", "explain"}

func init() {
	for _, side := range []struct {
		prefix, client string
		sync           bool
	}{{"Sync", "supabase.Client", true}, {"Sync", "supabase.SyncClient", true}, {"Async", "supabase.AsyncClient", false}} {
		p := "postgrest." + side.prefix
		request, sel, query, filter := p+"RequestBuilder", p+"SelectRequestBuilder", p+"QueryRequestBuilder", p+"FilterRequestBuilder"
		single, maybe := p+"SingleRequestBuilder", p+"MaybeSingleRequestBuilder"
		returns(side.client+".table", request)
		returns(side.client+".from_", request)
		returns(side.client+".rpc", filter)
		returns(request+".select", sel)
		returns(request+".insert", query)
		returns(request+".upsert", query)
		returns(request+".update", filter)
		returns(request+".delete", filter)
		for _, b := range []string{sel, filter} {
			for _, f := range postgrestFilters {
				returns(b+"."+f, b)
			}
		}
		returns(sel+".single", single)
		returns(sel+".maybe_single", maybe)
		for _, b := range []string{sel, query, filter, single, maybe} {
			if side.sync {
				blocking("ASL202", supabaseAlt, b+".execute")
			} else {
				coroutines(b + ".execute")
			}
		}
	}
	returns("supabase.create_client", "supabase.Client")
	returns("supabase.client.create_client", "supabase.Client")
	returns("supabase.Client", "supabase.Client")
	returns("supabase.SyncClient", "supabase.SyncClient")
	coroutines("supabase.acreate_client", "supabase.create_async_client", "supabase.AsyncClient.create")
	awaitReturns("supabase.acreate_client", "supabase.AsyncClient")
	awaitReturns("supabase.create_async_client", "supabase.AsyncClient")
	awaitReturns("supabase.AsyncClient.create", "supabase.AsyncClient")
}
