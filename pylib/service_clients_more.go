package pylib

// Synchronous clients of web services and directories that the twenty-first
// session's library coverage work added (issue 9 §4: real bugs missed at
// first sight were mostly calls of libraries pylib did not know). Every
// record hangs on a receiver typed as the library's class (a constructor,
// a factory's `returns`), never on a bare method name; each call listed is
// a network round trip on the calling thread (ASL202), and where the
// library has an asyncio twin its methods are coroutines. Sources are
// cited with each group.

const (
	xmlrpcAlt     = "run it in a thread: `await asyncio.to_thread(proxy.method, ...)` (xmlrpc.client has no asyncio client)"
	ldapAlt       = "run it in a thread (`await asyncio.to_thread(conn.search, ...)`) or use an asyncio LDAP client (bonsai)"
	prawAlt       = "use Async PRAW (`asyncpraw.Reddit`) and await it, or `await asyncio.to_thread(...)`"
	threadOnlyAlt = "run it in a thread: `await asyncio.to_thread(...)` (the library has no asyncio client)"
	zeepAlt       = "use `zeep.AsyncClient` (with an `AsyncTransport`) and await `client.service.X(...)`, or `await asyncio.to_thread(...)`"
	milvusAlt     = "use `pymilvus.AsyncMilvusClient` and await it, or `await asyncio.to_thread(...)`"
	weaviateAlt   = "use the async client (`weaviate.use_async_with_local()`...) and await it, or `await asyncio.to_thread(...)`"
	agentRunAlt   = "run it in a thread (`await asyncio.to_thread(agent.run, task)`) or use the framework's async entry point"
	instructorAlt = "build the client from the async SDK (`instructor.from_openai(AsyncOpenAI())`, an AsyncInstructor) and await it, or `await asyncio.to_thread(...)`"
	dspyAlt       = "await the module's `acall(...)` (DSPy 2.6+) or `await asyncio.to_thread(...)`"
)

var (
	// ldap3's Connection operations (docs, "Connection": with the default
	// SYNC strategy "the request is sent and the connection waits until the
	// response is received"; SAFE_SYNC, RESTARTABLE and SAFE_RESTARTABLE
	// wait the same way).
	ldapOperations = []string{"bind", "rebind", "unbind", "open", "start_tls", "search", "add", "delete", "modify",
		"modify_dn", "compare", "abandon", "extended", "get_response", "response_to_ldif"}
	// PRAW's models: each call is a request to Reddit's API (praw's
	// models/reddit/*.py: `self._reddit.post(API_PATH[...])`).
	prawSubmissionCalls = []string{"reply", "edit", "delete", "upvote", "downvote", "clear_vote", "save", "unsave",
		"hide", "unhide", "report", "crosspost", "mark_visited"}
	// pycontribs' jira: JIRA's REST calls (jira/client.py, each through
	// `self._session`, a requests session).
	jiraRequests = []string{"issue", "search_issues", "create_issue", "create_issues", "add_comment", "comments",
		"comment", "transition_issue", "transitions", "assign_issue", "add_attachment", "project", "projects", "user",
		"search_users", "myself", "fields", "add_worklog", "worklogs", "create_issue_link", "add_watcher", "watchers",
		"remote_links", "add_remote_link", "boards", "sprints", "add_issues_to_sprint", "server_info",
		"issue_type_by_name", "issue_types", "priorities", "statuses", "resolutions", "versions", "create_version",
		"project_components", "search_assignable_users_for_issues", "delete_issue_link", "rank"}
	// python-gitlab's managers: get/list/create/delete are requests
	// (gitlab/mixins.py: GetMixin.get "Retrieve a single object",
	// `self.gitlab.http_get(path)`; ListMixin.list; CreateMixin.create;
	// DeleteMixin.delete).
	gitlabManagerRequests = []string{"get", "list", "create", "delete", "update"}
	gitlabManagers        = []string{"projects", "groups", "users", "issues", "mergerequests", "runners", "snippets",
		"namespaces", "hooks", "todos", "events", "keys", "geonodes", "deploykeys", "user_activities", "settings"}
	gitlabProjectManagers = []string{"issues", "mergerequests", "branches", "commits", "files", "pipelines", "tags",
		"releases", "members", "labels", "hooks", "variables", "jobs", "milestones", "notes", "deployments",
		"environments", "protectedbranches", "repositories", "forks", "deploytokens", "wikis", "triggers"}
	// hvac's Client: its own requests and the secrets engines' and auth
	// methods' (hvac/api/secrets_engines/kv_v2.py: `read_secret_version`
	// "Retrieve the secret at the specified location", `self._adapter.get`).
	hvacRequests = []string{"read", "write", "delete", "list", "is_authenticated", "lookup_token", "renew_token",
		"revoke_token", "login", "logout", "secrets.kv.v2.read_secret_version", "secrets.kv.v2.read_secret",
		"secrets.kv.v2.create_or_update_secret", "secrets.kv.v2.patch", "secrets.kv.v2.list_secrets",
		"secrets.kv.v2.read_secret_metadata", "secrets.kv.v2.delete_latest_version_of_secret",
		"secrets.kv.v2.delete_metadata_and_all_versions", "secrets.kv.v1.read_secret", "secrets.kv.v1.create_or_update_secret",
		"secrets.kv.v1.list_secrets", "secrets.kv.v1.delete_secret", "secrets.kv.read_secret_version",
		"secrets.kv.read_secret", "secrets.kv.create_or_update_secret", "secrets.kv.list_secrets",
		"secrets.transit.encrypt_data", "secrets.transit.decrypt_data", "secrets.database.generate_credentials",
		"auth.approle.login", "auth.kubernetes.login", "auth.userpass.login", "auth.ldap.login", "auth.jwt.jwt_login",
		"auth.token.lookup_self", "auth.token.renew_self", "auth.aws.iam_login", "sys.read_health_status",
		"sys.is_sealed", "sys.is_initialized", "sys.list_mounted_secrets_engines"}
	// pymilvus' MilvusClient (pymilvus/milvus_client/milvus_client.py: every
	// method a gRPC call through the connection's handler) and its
	// AsyncMilvusClient ("async def insert", 2.5.3+).
	milvusRequests = []string{"insert", "upsert", "search", "hybrid_search", "query", "get", "delete",
		"create_collection", "drop_collection", "has_collection", "list_collections", "describe_collection",
		"rename_collection", "load_collection", "release_collection", "get_load_state", "refresh_load",
		"create_index", "drop_index", "list_indexes", "describe_index", "create_partition", "drop_partition",
		"has_partition", "list_partitions", "load_partitions", "release_partitions", "flush", "compact",
		"get_collection_stats", "create_database", "drop_database", "list_databases", "use_database", "search_iterator",
		"query_iterator"}
	// pymilvus' ORM Collection (pymilvus/orm/collection.py).
	milvusCollectionRequests = []string{"insert", "upsert", "delete", "search", "hybrid_search", "query", "load",
		"release", "flush", "create_index", "drop_index", "drop", "compact", "create_partition", "drop_partition"}
	// weaviate-client v4: a collection's query, data and aggregate
	// namespaces (weaviate/collections/queries/*, data/*; the sync
	// Collection wraps the async executor in an event-loop thread and
	// waits for it; CollectionAsync's methods are `async def`).
	weaviateCollectionCalls = []string{"query.fetch_objects", "query.fetch_object_by_id", "query.near_text",
		"query.near_vector", "query.near_object", "query.near_image", "query.bm25", "query.hybrid",
		"generate.near_text", "generate.near_vector", "generate.fetch_objects", "generate.bm25", "generate.hybrid",
		"data.insert", "data.insert_many", "data.update", "data.replace", "data.delete_by_id", "data.delete_many",
		"data.exists", "aggregate.over_all", "aggregate.near_text", "aggregate.near_vector", "config.get",
		"config.update", "config.add_property", "tenants.create", "tenants.get", "tenants.remove"}
	weaviateClientCalls = []string{"connect", "close", "is_ready", "is_live", "get_meta", "collections.create",
		"collections.create_from_dict", "collections.delete", "collections.delete_all", "collections.exists",
		"collections.list_all", "collections.export_config"}
)

func init() {
	// xmlrpc.client's ServerProxy: "Calling the method performs an RPC"
	// (Python docs, xmlrpc.client, "ServerProxy Objects"); the call is an
	// HTTP request through http.client on the calling thread. Every
	// method name is the server's: any attribute of the proxy called is a
	// request (one level: `proxy.system.listMethods()` goes through a
	// _Method attribute the tables do not follow). Python 2's xmlrpclib
	// is the same module.
	for _, typ := range []string{"xmlrpc.client.ServerProxy", "xmlrpc.client.Server", "xmlrpclib.ServerProxy",
		"xmlrpclib.Server"} {
		returns(typ, typ)
		serviceRequestsOfAnyMethod("ASL202", xmlrpcAlt, typ)
	}

	// ldap3's Connection: the operations wait for the server's answer
	// with the default strategy (see ldapOperations). The ASYNC and
	// REUSABLE strategies return a message id instead; a Connection built
	// with `client_strategy=ASYNC` is typed like any other (the tables
	// cannot type a constructor by its argument): a known gap, rare in
	// asyncio code, whose result still needs the waiting get_response.
	for _, typ := range []string{"ldap3.Connection", "ldap3.core.connection.Connection"} {
		returns(typ, typ)
		serviceRequests("ASL202", ldapAlt, prefixed(typ+".", ldapOperations...)...)
		serviceRequests("ASL202", ldapAlt, typ+".extend.standard.who_am_i",
			typ+".extend.microsoft.modify_password", typ+".extend.standard.modify_password")
	}

	// PRAW: praw.Reddit's accessors build lazy models (`reddit.subreddit(
	// "test")` fetches nothing), whose actions are requests; Async PRAW
	// (`asyncpraw.Reddit`) has the same API as coroutines ("subreddit =
	// await reddit.subreddit('test'); await subreddit.submit(...)",
	// asyncpraw's README).
	const (
		reddit     = "praw.Reddit"
		subreddit  = "praw.models.Subreddit"
		submission = "praw.models.Submission"
		comment    = "praw.models.Comment"
		redditor   = "praw.models.Redditor"
	)
	returns(reddit, reddit)
	returns("praw.reddit.Reddit", reddit)
	returns(reddit+".subreddit", subreddit)
	returns(reddit+".submission", submission)
	returns(reddit+".comment", comment)
	returns(reddit+".redditor", redditor)
	returns(subreddit+".submit", submission)
	serviceRequests("ASL202", prawAlt, reddit+".user.me", reddit+".get", reddit+".post", reddit+".put",
		reddit+".patch", reddit+".delete", reddit+".request", reddit+".auth.authorize", reddit+".random_subreddit")
	serviceRequests("ASL202", prawAlt, prefixed(subreddit+".", "submit", "submit_image", "submit_video",
		"submit_gallery", "submit_poll", "message", "random", "subscribe", "unsubscribe", "flair.set",
		"mod.update", "contributor.add", "banned.add")...)
	serviceRequests("ASL202", prawAlt, prefixed(submission+".", prawSubmissionCalls...)...)
	serviceRequests("ASL202", prawAlt, prefixed(comment+".", "reply", "edit", "delete", "upvote", "downvote",
		"clear_vote", "save", "unsave", "report", "refresh", "mark_read", "mark_unread")...)
	// Listings (`sub.hot(limit=10)`, `new`, `top`, `search`...) return a
	// ListingGenerator that requests a page of 100 items when iterated
	// (praw/models/listing/generator.py `_next_batch`: `self._reddit.get(
	// self.url, params=self.params)`), and `stream.submissions()` /
	// `stream.comments()` poll forever as they are iterated: requests
	// where they are iterated in place (a meme command's `for post in
	// reddit.subreddit("memes").hot(limit=50):`), not at the call.
	var listings []string
	for _, l := range []string{"hot", "new", "top", "rising", "controversial", "search", "gilded",
		"stream.submissions", "stream.comments"} {
		listings = append(listings, subreddit+"."+l)
	}
	for _, l := range []string{"submissions.new", "submissions.hot", "submissions.top", "comments.new", "comments.top"} {
		listings = append(listings, redditor+"."+l)
	}
	listings = append(listings, reddit+".inbox.unread", reddit+".inbox.all", reddit+".front.hot", reddit+".front.new",
		reddit+".info")
	serviceRequests("ASL202", prawAlt, listings...)
	for _, n := range listings {
		entry(n).Unblock = UnblockedUnlessIterated
	}
	serviceRequests("ASL202", prawAlt, submission+".comments.replace_more")
	serviceRequests("ASL202", prawAlt, redditor+".message", redditor+".block", redditor+".friend",
		redditor+".unfriend")
	const (
		areddit     = "asyncpraw.Reddit"
		asubreddit  = "asyncpraw.models.Subreddit"
		asubmission = "asyncpraw.models.Submission"
	)
	returns(areddit, areddit)
	coroutineMethods(areddit, "subreddit", "submission", "comment", "redditor", "close", "user.me")
	awaitReturns(areddit+".subreddit", asubreddit)
	awaitReturns(areddit+".submission", asubmission)
	coroutineMethods(asubreddit, "submit", "submit_image", "message", "load", "subscribe")
	coroutineMethods(asubmission, prawSubmissionCalls...)

	// spotipy's Spotify: every public method is a Web API request through
	// its requests session (spotipy/client.py: `_internal_call` ->
	// `self._session.request(...)`); set_auth, the auth_manager property
	// and the id helpers are local. The OAuth managers' token calls post
	// to Spotify's accounts service.
	for _, typ := range []string{"spotipy.Spotify", "spotipy.client.Spotify"} {
		returns(typ, typ)
		serviceRequestsOfAnyMethod("ASL202", threadOnlyAlt, typ, "set_auth", "auth_manager", "country_codes",
			"max_retries", "default_retry_codes", "_get_id", "_get_uri", "_is_uri", "_build_session",
			"_auth_headers", "_append_device_id")
	}
	for _, typ := range []string{"spotipy.SpotifyOAuth", "spotipy.oauth2.SpotifyOAuth", "spotipy.SpotifyClientCredentials",
		"spotipy.oauth2.SpotifyClientCredentials", "spotipy.SpotifyPKCE", "spotipy.oauth2.SpotifyPKCE"} {
		returns(typ, typ)
		serviceRequests("ASL202", threadOnlyAlt, typ+".get_access_token", typ+".refresh_access_token")
	}

	// wikipedia (goldsmith's): the module functions are MediaWiki API
	// requests through requests (wikipedia/wikipedia.py `_wiki_request`:
	// `requests.get(API_URL, params=params, headers=headers)`); `page()`
	// loads the page at construction, `summary()` too.
	for _, mod := range []string{"wikipedia.", "wikipedia.wikipedia."} {
		serviceRequests("ASL202", threadOnlyAlt, prefixed(mod, "search", "summary", "page", "geosearch", "suggest",
			"random", "languages")...)
		returns(mod+"page", "wikipedia.WikipediaPage")
	}
	serviceRequests("ASL202", threadOnlyAlt, "wikipedia.WikipediaPage.section", "wikipedia.WikipediaPage.html")

	// python-gitlab: gitlab.Gitlab's managers (`gl.projects.get(id)`) and
	// a project's (`project.issues.create({...})`); an object's save() and
	// delete() send its changes (gitlab/mixins.py SaveMixin.save
	// "Save the changes made to the object to the server").
	const glProject, glObject = "gitlab.v4.objects.Project", "gitlab.base.RESTObject"
	for _, typ := range []string{"gitlab.Gitlab", "gitlab.client.Gitlab"} {
		returns(typ, typ)
		serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+".", "auth", "version", "search", "markdown",
			"http_get", "http_post", "http_put", "http_delete", "http_request", "http_list", "lint")...)
		for _, m := range gitlabManagers {
			serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+"."+m+".", gitlabManagerRequests...)...)
			returns(typ+"."+m+".create", glObject)
		}
		returns(typ+".projects.get", glProject)
		returns(typ+".projects.create", glProject)
	}
	for _, m := range gitlabProjectManagers {
		serviceRequests("ASL202", threadOnlyAlt, prefixed(glProject+"."+m+".", gitlabManagerRequests...)...)
		returns(glProject+"."+m+".get", glObject)
		returns(glProject+"."+m+".create", glObject)
	}
	serviceRequests("ASL202", threadOnlyAlt, prefixed(glProject+".", "save", "delete", "star", "unstar", "archive",
		"unarchive", "fork", "repository_tree", "repository_blob", "repository_compare", "trigger_pipeline",
		"upload", "snapshot")...)
	serviceRequests("ASL202", threadOnlyAlt, glObject+".save", glObject+".delete")
	// GetMixin.get(id, lazy=False, **kwargs): "if lazy is True: return
	// self._obj_cls(self, {self._obj_cls._id_attr: id}, lazy=lazy)" before
	// any http_get, so `gl.projects.get(42, lazy=True)` only builds the
	// object (to call its managers without fetching it).
	var gets []string
	for _, typ := range []string{"gitlab.Gitlab", "gitlab.client.Gitlab"} {
		for _, m := range gitlabManagers {
			gets = append(gets, typ+"."+m+".get")
		}
	}
	for _, m := range gitlabProjectManagers {
		gets = append(gets, glProject+"."+m+".get")
	}
	for _, n := range gets {
		a := entry(n)
		a.Unblock, a.BlockingKeyword, a.FileArg = UnblockedLazy, "lazy", 1
	}

	// jira (pycontribs): JIRA's REST methods; an issue fetched by
	// `jira.issue(key)` updates and deletes itself by request
	// (jira/resources.py Issue.update: `super().update(...)` PUTs).
	const jiraIssue = "jira.resources.Issue"
	for _, typ := range []string{"jira.JIRA", "jira.client.JIRA"} {
		returns(typ, typ)
		serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+".", jiraRequests...)...)
		returns(typ+".issue", jiraIssue)
		returns(typ+".create_issue", jiraIssue)
	}
	serviceRequests("ASL202", threadOnlyAlt, jiraIssue+".update", jiraIssue+".delete", jiraIssue+".add_field_value",
		jiraIssue+".update_field", jiraIssue+".refresh")

	// atlassian-python-api: Confluence, Jira, Bitbucket and ServiceDesk
	// are AtlassianRestAPI subclasses whose public methods each build a
	// URL and call `self.get`/`self.post`/`self.put`/`self.delete`, which
	// run `self._session.request(...)`, a requests session with a 75 s
	// default timeout (atlassian/rest_client.py; jira.py, confluence.py:
	// `jql`, `enhanced_jql`, `get_all_projects`, `cql`,
	// `get_all_pages_from_space`...): every public method is a request
	// but the base's helpers that only format or log (`resource_url`,
	// `url_joiner`, `log_curl_debug`), check a response already received
	// (`raise_for_status`) or close the session (`close`). The library has
	// no asyncio client.
	for _, typ := range []string{"atlassian.Confluence", "atlassian.confluence.Confluence", "atlassian.Jira",
		"atlassian.jira.Jira", "atlassian.Bitbucket", "atlassian.bitbucket.Bitbucket", "atlassian.ServiceDesk",
		"atlassian.service_desk.ServiceDesk"} {
		returns(typ, typ)
		serviceRequestsOfAnyMethod("ASL202", threadOnlyAlt, typ, "resource_url", "url_joiner", "log_curl_debug",
			"raise_for_status", "close")
	}

	// simple_salesforce's Salesforce: query/search and the REST helpers
	// are requests (simple_salesforce/api.py `self.session.request`), and
	// so are the SObject calls through any attribute (`sf.Contact.create(
	// {...})`, an SFType) and the bulk handler's (`sf.bulk.Account.insert`).
	for _, typ := range []string{"simple_salesforce.Salesforce", "simple_salesforce.api.Salesforce"} {
		returns(typ, typ)
		serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+".", "query", "query_all", "query_more",
			"query_all_iter", "search", "quick_search", "describe", "restful", "apexecute", "limits",
			"oauth2", "is_sandbox", "toolingexecute")...)
		serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+".*.", "get", "get_by_custom_id", "create", "update",
			"upsert", "delete", "deleted", "updated", "describe", "describe_layout", "metadata")...)
		serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+".bulk.*.", "insert", "update", "upsert", "delete",
			"hard_delete", "query", "query_all")...)
		wildcardRoots = append(wildcardRoots, typ)
		// The client's own dict attributes are not SObjects
		// (`sf.headers.get("Authorization")`, `sf.proxies.update(...)`).
		for _, attr := range []string{"headers", "proxies", "api_usage"} {
			for _, m := range []string{"get", "update", "delete", "describe", "metadata", "create", "upsert"} {
				entry(typ + "." + attr + "." + m)
			}
		}
	}

	// zeep: `client.service.Operation(...)` is a SOAP request; the sync
	// Client's transport posts with requests, zeep.AsyncClient's
	// AsyncTransport with httpx and its service proxy's operations are
	// coroutines (zeep/client.py `class AsyncClient(Client)`, proxy.py
	// `AsyncOperationProxy.__call__` is `async def`). bind() and
	// create_service() return the same proxies.
	for _, typ := range []string{"zeep.Client", "zeep.client.Client", "zeep.CachingClient"} {
		returns(typ, typ)
		returns(typ+".bind", "zeep.proxy.ServiceProxy")
		returns(typ+".create_service", "zeep.proxy.ServiceProxy")
		serviceRequestsOfAnyMethod("ASL202", zeepAlt, typ+".service")
	}
	serviceRequestsOfAnyMethod("ASL202", zeepAlt, "zeep.proxy.ServiceProxy")
	for _, typ := range []string{"zeep.AsyncClient", "zeep.client.AsyncClient"} {
		returns(typ, typ)
		returns(typ+".bind", "zeep.proxy.AsyncServiceProxy")
		returns(typ+".create_service", "zeep.proxy.AsyncServiceProxy")
		coroutinesOfAnyMethod(typ + ".service")
	}
	coroutinesOfAnyMethod("zeep.proxy.AsyncServiceProxy")

	// hvac's Client (HashiCorp Vault): requests through its adapter's
	// requests session (see hvacRequests).
	for _, typ := range []string{"hvac.Client", "hvac.v1.Client"} {
		returns(typ, typ)
		serviceRequests("ASL202", threadOnlyAlt, prefixed(typ+".", hvacRequests...)...)
	}

	// pymilvus: MilvusClient and the ORM's connections/Collection block on
	// gRPC; AsyncMilvusClient's methods are coroutines.
	for _, typ := range []string{"pymilvus.MilvusClient", "pymilvus.milvus_client.MilvusClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", milvusAlt, prefixed(typ+".", milvusRequests...)...)
	}
	for _, typ := range []string{"pymilvus.AsyncMilvusClient", "pymilvus.milvus_client.AsyncMilvusClient"} {
		returns(typ, typ)
		coroutineMethods(typ, append([]string{"close"}, milvusRequests...)...)
	}
	for _, typ := range []string{"pymilvus.Collection", "pymilvus.orm.collection.Collection"} {
		returns(typ, typ)
		serviceRequests("ASL202", milvusAlt, prefixed(typ+".", milvusCollectionRequests...)...)
	}
	serviceRequests("ASL202", milvusAlt, "pymilvus.connections.connect", "pymilvus.utility.has_collection",
		"pymilvus.utility.list_collections", "pymilvus.utility.drop_collection")

	// weaviate-client v4: connect_to_* build and connect a WeaviateClient
	// (weaviate/connect/helpers.py: "client.connect()" before returning);
	// use_async_with_* build a WeaviateAsyncClient without connecting
	// ("Create an async client object ready to connect", `await
	// client.connect()`). collections.get is local and gives the
	// collection whose calls are requests (sync) or coroutines (async).
	const (
		wvClient, wvAsync   = "weaviate.WeaviateClient", "weaviate.WeaviateAsyncClient"
		wvColl, wvAsyncColl = "weaviate.collections.Collection", "weaviate.collections.CollectionAsync"
	)
	for _, f := range []string{"connect_to_local", "connect_to_weaviate_cloud", "connect_to_wcs", "connect_to_custom",
		"connect_to_embedded"} {
		returns("weaviate."+f, wvClient)
		serviceRequests("ASL202", weaviateAlt, "weaviate."+f)
	}
	for _, f := range []string{"use_async_with_local", "use_async_with_weaviate_cloud", "use_async_with_custom",
		"use_async_with_embedded"} {
		returns("weaviate."+f, wvAsync)
	}
	returns(wvClient, wvClient)
	returns(wvAsync, wvAsync)
	serviceRequests("ASL202", weaviateAlt, prefixed(wvClient+".", weaviateClientCalls...)...)
	coroutineMethods(wvAsync, weaviateClientCalls...)
	returns(wvClient+".collections.get", wvColl)
	returns(wvClient+".collections.use", wvColl)
	returns(wvAsync+".collections.get", wvAsyncColl)
	returns(wvAsync+".collections.use", wvAsyncColl)
	serviceRequests("ASL202", weaviateAlt, prefixed(wvColl+".", weaviateCollectionCalls...)...)
	coroutineMethods(wvAsyncColl, weaviateCollectionCalls...)

	// weaviate-client v3 (`weaviate.Client(url)`, removed in v4): GraphQL
	// queries are built by GetBuilder/AggregateBuilder, whose with_*
	// methods return the builder ("Returns: weaviate.gql.get.GetBuilder
	// Updated GetBuilder"), and sent by do(); the data_object, schema and
	// batch namespaces' calls are REST requests.
	const (
		wv3, getB, aggB = "weaviate.Client", "weaviate.gql.get.GetBuilder", "weaviate.gql.aggregate.AggregateBuilder"
	)
	returns(wv3, wv3)
	returns(wv3+".query.get", getB)
	returns(wv3+".query.aggregate", aggB)
	for _, b := range []string{getB, aggB} {
		for _, w := range []string{"with_near_text", "with_near_vector", "with_near_object", "with_where", "with_limit",
			"with_offset", "with_additional", "with_bm25", "with_hybrid", "with_sort", "with_autocut", "with_group_by",
			"with_generate", "with_fields", "with_meta_count", "with_tenant", "with_consistency_level", "with_after",
			"with_alias", "with_group_by_filter", "with_object_limit"} {
			returns(b+"."+w, b)
		}
		serviceRequests("ASL202", weaviateAlt, b+".do")
	}
	serviceRequests("ASL202", weaviateAlt, prefixed(wv3+".", "is_ready", "is_live", "get_meta", "query.raw",
		"data_object.create", "data_object.get", "data_object.get_by_id", "data_object.delete", "data_object.update",
		"data_object.replace", "data_object.exists", "data_object.validate", "schema.get", "schema.create",
		"schema.create_class", "schema.delete_class", "schema.delete_all", "schema.exists", "schema.contains",
		"batch.flush", "batch.create_objects", "batch.delete_objects")...)

	// smolagents: MultiStepAgent.run runs the whole agent loop, model
	// requests and tool calls, on the calling thread (smolagents/agents.py
	// `def run(self, task, stream=False, ...)`; there is no async run).
	for _, typ := range []string{"smolagents.CodeAgent", "smolagents.ToolCallingAgent", "smolagents.MultiStepAgent",
		"smolagents.agents.CodeAgent", "smolagents.agents.ToolCallingAgent"} {
		returns(typ, typ)
		serviceRequests("ASL202", agentRunAlt, typ+".run")
	}
	// DSPy: calling a module runs its forward(), the LM requests included,
	// synchronously; `acall` is its async twin (dspy/primitives/module.py
	// `async def acall(self, *args, **kwargs)`), and so for an LM.
	for _, typ := range []string{"dspy.Predict", "dspy.ChainOfThought", "dspy.ReAct", "dspy.ProgramOfThought",
		"dspy.LM"} {
		returns(typ, typ)
		serviceRequests("ASL202", dspyAlt, typ+".__call__", typ+".forward")
		coroutineMethods(typ, "acall", "aforward")
	}

	// instructor: Instructor.create (and `chat.completions.create`,
	// `messages.create`, which are the same method: `chat` and
	// `completions` return the instance) calls the wrapped sync SDK;
	// AsyncInstructor, its subclass, makes them `async def`
	// (instructor/client.py `class AsyncInstructor(Instructor)`, `async
	// def create`). Only receivers annotated or built as these classes
	// are typed: `instructor.from_openai(client)` returns one or the other
	// by its argument's type, which the tables cannot say.
	instructorCalls := []string{"create", "create_with_completion", "chat.completions.create",
		"chat.completions.create_with_completion", "messages.create", "messages.create_with_completion"}
	for _, mod := range []string{"instructor.", "instructor.client."} {
		returns(mod+"Instructor", mod+"Instructor")
		returns(mod+"AsyncInstructor", mod+"AsyncInstructor")
		serviceRequests("ASL202", instructorAlt, prefixed(mod+"Instructor.", instructorCalls...)...)
		coroutineMethods(mod+"AsyncInstructor", instructorCalls...)
	}
}

func init() {
	// feedparser (feedparser/api.py, 6.x): `parse(url_file_stream_or_string,
	// ...)` fetches a URL with urllib on the calling thread ("_open_resource:
	// URL, filename, or string --> stream", through feedparser/http.py's
	// get), opens a local file name, or parses the string or bytes it is
	// given; then it parses the whole feed. Given what an async HTTP client
	// already downloaded it fetches nothing (UnblockedDocumentData), and
	// the parse alone is left unreported.
	serviceRequests("ASL202", "download the feed with an async HTTP client (aiohttp, httpx.AsyncClient) and parse "+
		"the body: `feedparser.parse(await resp.text())`, or run it with `await asyncio.to_thread(feedparser.parse, url)`",
		"feedparser.parse", "feedparser.api.parse")
	for _, name := range []string{"feedparser.parse", "feedparser.api.parse"} {
		a := entry(name)
		a.Unblock, a.BlockingKeyword, a.FileArg = UnblockedDocumentData, "url_file_stream_or_string", 0
	}
	// WHOIS lookups: python-whois's `whois.whois(domain)` (whois/__init__.py:
	// NICClient.whois_lookup opens a TCP connection to the registry's whois
	// server, port 43, and follows referrals; or runs the `whois` command
	// with command=True), and the `whois` distribution's `whois.query(domain)`
	// (runs the `whois` command with subprocess and waits for it). Both wait
	// on a remote registry, often rate-limited, for seconds
	// (ninoseki/uzen#330 moved to asyncwhois's `aio_lookup`).
	serviceRequests("ASL202", "use an asyncio WHOIS client (asyncwhois: `await asyncwhois.aio_whois(domain)`) "+
		"or run it with `await asyncio.to_thread(...)`", "whois.whois", "whois.query")
}
