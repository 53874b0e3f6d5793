package pylib

// Supabase's Python client (supabase-py) and the PostgREST query builders
// (postgrest-py) its `table()`/`from_()`/`rpc()` return. A query is built by
// a chain of plain method calls (`.select("*").eq("id", x).single()`) and
// sent by `execute()`: one HTTP round trip to PostgREST. The synchronous
// client (`create_client`, `supabase.Client`) sends it with a blocking
// httpx request; the async client (`await acreate_client(...)`,
// `supabase.AsyncClient`) makes `execute()` a coroutine, which does nothing
// until awaited.
//
// The client's two other sub-clients work the same way. `client.storage`
// (storage3) reaches a bucket by `from_(bucket_id)`, whose file methods
// (`download`, `upload`, `list`, ...) are each one HTTP request to Supabase
// Storage; `client.auth` (supabase_auth, formerly gotrue) sends the user's
// token or credentials to Supabase Auth (`get_user(jwt)`,
// `sign_in_with_password(...)`), and `client.auth.admin` does the admin
// API. The sync client blocks on each; the async client's are coroutines.
// Not listed: the calls that only build a URL or read local state
// (`get_public_url`, `sign_in_with_oauth`, `get_session`, `on_auth_state_change`).

const supabaseAlt = "use the async client (`await supabase.acreate_client(...)`) and `await ....execute()`, " +
	"or run the query in `await asyncio.to_thread(...)`"

const supabaseSubAlt = "use the async client (`await supabase.acreate_client(...)`) and await the call, " +
	"or run it in `await asyncio.to_thread(...)`"

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
	for _, side := range []struct {
		client, storage, bucket, auth, admin string
		sync                                 bool
	}{
		{"supabase.Client", "storage3.SyncStorageClient", "storage3.SyncBucketProxy", "supabase_auth.SyncGoTrueClient", "supabase_auth.SyncGoTrueAdminAPI", true},
		{"supabase.SyncClient", "storage3.SyncStorageClient", "storage3.SyncBucketProxy", "supabase_auth.SyncGoTrueClient", "supabase_auth.SyncGoTrueAdminAPI", true},
		{"supabase.AsyncClient", "storage3.AsyncStorageClient", "storage3.AsyncBucketProxy", "supabase_auth.AsyncGoTrueClient", "supabase_auth.AsyncGoTrueAdminAPI", false},
	} {
		LibraryAttrTypes[side.client+".storage"] = side.storage
		LibraryAttrTypes[side.client+".auth"] = side.auth
		LibraryAttrTypes[side.auth+".admin"] = side.admin
		returns(side.storage+".from_", side.bucket)
		var calls []string
		calls = append(calls, prefixed(side.storage+".", "list_buckets", "get_bucket", "create_bucket", "update_bucket",
			"delete_bucket", "empty_bucket")...)
		calls = append(calls, prefixed(side.bucket+".", "upload", "update", "download", "remove", "list", "move", "copy",
			"info", "exists", "create_signed_url", "create_signed_urls", "create_signed_upload_url", "upload_to_signed_url")...)
		calls = append(calls, prefixed(side.auth+".", "get_user", "sign_up", "sign_in_with_password", "sign_in_with_otp",
			"sign_in_with_id_token", "sign_in_anonymously", "verify_otp", "sign_out", "refresh_session", "set_session",
			"update_user", "reset_password_for_email", "reset_password_email", "exchange_code_for_session", "resend",
			"reauthenticate", "get_user_identities", "unlink_identity")...)
		calls = append(calls, prefixed(side.admin+".", "list_users", "create_user", "delete_user", "get_user_by_id",
			"update_user_by_id", "invite_user_by_email", "generate_link", "sign_out")...)
		if side.sync {
			blocking("ASL202", supabaseSubAlt, calls...)
		} else {
			coroutines(calls...)
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
