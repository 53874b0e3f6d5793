package pylib

// Clients of the infrastructure async services drive: the Docker daemon
// (docker-py) and DNS servers (dnspython). Their synchronous calls are
// round trips to a daemon or a name server and block the loop for as long
// as the daemon works (an image build or a pull takes minutes, a container
// run without detach=True until the container exits; a DNS query up to its
// timeout, times its retries) — found as first-sight misses on held-out
// corpora (bench/heldout23_README.md: quart-doh's `query.udp(...)` in every
// DNS-over-HTTPS request; bench/heldout25_README.md: an image build from a
// FastAPI endpoint).

const (
	dockerAlt = "run it with `await asyncio.to_thread(...)` (docker-py has no asyncio client; aiodocker is one)"
	dnsPyAlt  = "use dnspython's asyncio API (`dns.asyncresolver.resolve`, `dns.asyncquery.udp`) and await it"
	dnsXfrAlt = "run the whole transfer in a thread (`await asyncio.to_thread(lambda: dns.zone.from_xfr(dns.query.xfr(...)))`) or use `await dns.asyncquery.inbound_xfr(...)`"
	sshAlt    = "run it with `await asyncio.to_thread(...)` (Fabric and Paramiko are synchronous; asyncssh is an asyncio SSH client)"
	kubeAlt   = "use kubernetes_asyncio (the same API, awaited) or `await asyncio.to_thread(...)`"
)

var (
	// The Docker SDK for Python (docker-py): `docker.from_env()` returns a
	// DockerClient whose collections (`client.containers`,
	// `client.images`...) and models (`Container`, `Image`) send a request
	// to the daemon on each of these calls (docker-py's README and
	// docs/client.rst, containers.rst, images.rst). Not requests: the
	// collections' `model` and `prepare_model`, a model's `attrs`, `id`,
	// `name`, `labels`, `status` (cached from the last reload).
	dockerClientRequests = []string{"ping", "info", "version", "df", "login", "events"}
	dockerCollections    = map[string][]string{
		"containers": {"run", "create", "get", "list", "prune"},
		"images":     {"build", "get", "get_registry_data", "list", "load", "pull", "push", "remove", "search", "prune"},
		"networks":   {"create", "get", "list", "prune"},
		"volumes":    {"create", "get", "list", "prune"},
		"services":   {"create", "get", "list"},
	}
	dockerContainerRequests = []string{"attach", "commit", "diff", "exec_run", "export", "get_archive", "kill", "logs",
		"pause", "put_archive", "reload", "remove", "rename", "resize", "restart", "start", "stats", "stop", "top",
		"unpause", "update", "wait"}
	dockerImageRequests = []string{"history", "reload", "save", "tag"}

	// dnspython: the stub resolver's and dns.query's functions send the
	// query and wait for the answer (dnspython docs, "Stub resolver" and
	// "dns.query": "The dns.query module is for sending messages to DNS
	// servers, and processing their responses"); dns.asyncresolver and
	// dns.asyncquery are the same API as coroutines (dnspython 2.0+).
	dnsResolverFunctions = []string{"resolve", "query", "resolve_address", "resolve_name", "canonical_name",
		"zone_for_name"}
	dnsQueryFunctions = []string{"udp", "tcp", "tls", "https", "quic", "udp_with_fallback", "xfr", "inbound_xfr"}

	// Fabric's Connection (fabric/connection.py, 2.x and 3.x): the methods
	// decorated `@opens` connect first if needed, then run a command on the
	// remote end and wait for it to exit (`run`: "Execute a shell command
	// on the remote end of this connection", `sudo`, `shell`), or transfer
	// a file over SFTP (`put`, `get`, through fabric.transfer.Transfer);
	// `sftp()` opens (or reuses) an SFTP session and returns Paramiko's
	// SFTPClient. Not requests: `close`, `local` (a local child process,
	// Invoke's), the forward_* context managers.
	fabricConnectionRequests = []string{"open", "run", "sudo", "shell", "put", "get", "sftp", "create_session"}
	// Paramiko: SSHClient.connect ("Connect to an SSH server and
	// authenticate to it"), exec_command ("Execute a command on the SSH
	// server"; opens a channel and waits for the server's reply) and
	// open_sftp; SFTPClient's file operations each send one SFTP request and
	// wait for its response (Paramiko docs, "Client" and "SFTP"). Not
	// requests: SFTPClient.getcwd (kept locally), close.
	paramikoClientRequests = []string{"connect", "exec_command", "open_sftp", "invoke_shell"}
	sftpClientRequests     = []string{"open", "file", "listdir", "listdir_attr", "listdir_iter", "stat", "lstat", "remove",
		"unlink", "rename", "posix_rename", "mkdir", "rmdir", "chmod", "chown", "utime", "truncate", "readlink",
		"symlink", "normalize", "chdir", "put", "putfo", "get", "getfo"}

	// The official Kubernetes client's DynamicClient (kubernetes/dynamic/
	// client.py): get, create, delete, replace, patch, server_side_apply
	// and request send the request with ApiClient.call_api (urllib3, in the
	// calling thread); `resources` is the client's LazyDiscoverer, whose
	// get and search fetch a group version's resource list from the API
	// server the first time it is looked up, invalidate the cache and
	// discover again on a miss, and rewrite the cache file
	// (kubernetes/dynamic/discovery.py, LazyDiscoverer.search and
	// __search -> get_resources_for_api_version). kubernetes_asyncio's
	// DynamicClient is the same API with coroutines. `watch` is a generator
	// over kubernetes.watch.Watch.stream: it blocks where it is iterated,
	// not where it is called.
	kubeDynamicRequests = []string{"get", "create", "delete", "replace", "patch", "server_side_apply", "request"}
)

func init() {
	const client = "docker.DockerClient"
	for _, factory := range []string{"docker.from_env", "docker.client.from_env", "docker.DockerClient.from_env"} {
		returns(factory, client)
	}
	for _, typ := range []string{"docker.DockerClient", "docker.client.DockerClient"} {
		returns(typ, client)
	}
	serviceRequests("ASL202", dockerAlt, prefixed(client+".", dockerClientRequests...)...)
	const container, image = "docker.models.containers.Container", "docker.models.images.Image"
	for collection, calls := range dockerCollections {
		serviceRequests("ASL202", dockerAlt, prefixed(client+"."+collection+".", calls...)...)
	}
	returns(client+".containers.get", container)
	returns(client+".containers.create", container)
	returns(client+".images.get", image)
	returns(client+".images.pull", image)
	serviceRequests("ASL202", dockerAlt, prefixed(container+".", dockerContainerRequests...)...)
	serviceRequests("ASL202", dockerAlt, prefixed(image+".", dockerImageRequests...)...)
	// The low-level APIClient: every method is one Engine API request
	// except the few local helpers: the config builders that only return a
	// dict (docker/api/container.py `create_container_config`,
	// `create_host_config`: `return HostConfig(...)`; docker/api/network.py
	// `create_networking_config`, `create_endpoint_config`), the
	// requests.Session adapter methods and `reload_config` (reads the
	// local config.json).
	for _, typ := range []string{"docker.APIClient", "docker.api.APIClient", "docker.api.client.APIClient"} {
		returns(typ, typ)
		serviceRequestsOfAnyMethod("ASL202", dockerAlt, typ, "close", "base_url", "api_version",
			"create_container_config", "create_host_config", "create_networking_config", "create_endpoint_config",
			"get_adapter", "mount", "reload_config")
	}

	const resolver = "dns.resolver.Resolver"
	returns(resolver, resolver)
	returns("dns.resolver.get_default_resolver", resolver)
	serviceRequests("ASL202", dnsPyAlt, prefixed("dns.resolver.", dnsResolverFunctions...)...)
	serviceRequests("ASL202", dnsPyAlt, prefixed(resolver+".", dnsResolverFunctions[:5]...)...)
	serviceRequests("ASL202", dnsPyAlt, prefixed("dns.query.", dnsQueryFunctions...)...)
	// A zone transfer is lazy where it is asked for and runs where it is
	// consumed: dns.query.xfr is a generator function ("Return a generator
	// for the responses to this zone transfer", dnspython's docstring), so
	// calling it, or handing it to an executor (`await
	// loop.run_in_executor(None, dns.query.xfr, ns, zone)` returns the
	// unstarted generator), sends nothing; the connection, the AXFR query
	// and the reading of every message up to the closing SOA happen in the
	// loop that draws it, and dns.zone.from_xfr ("Convert the output of a
	// zone transfer generator into a zone object", its xfr argument "a
	// generator of dns.message.Message objects, typically dns.query.xfr()")
	// is that loop, up to the transfer's timeout and lifetime (the
	// first-sight miss of bench/realbugs95: bbot's dnszonetransfer module
	// drained the transfer on the event loop after running xfr() in a
	// thread). dns.asyncquery.inbound_xfr is the asyncio transfer.
	serviceRequests("ASL202", dnsXfrAlt, "dns.query.xfr", "dns.zone.from_xfr")
	entry("dns.query.xfr").Unblock = UnblockedUnlessIterated
	const asyncResolver = "dns.asyncresolver.Resolver"
	returns(asyncResolver, asyncResolver)
	returns("dns.asyncresolver.get_default_resolver", asyncResolver)
	coroutines(prefixed("dns.asyncresolver.", dnsResolverFunctions...)...)
	coroutineMethods(asyncResolver, dnsResolverFunctions[:5]...)
	coroutines(prefixed("dns.asyncquery.", "udp", "tcp", "tls", "https", "quic", "udp_with_fallback", "inbound_xfr")...)

	for _, typ := range []string{"fabric.Connection", "fabric.connection.Connection"} {
		returns(typ, typ)
		serviceRequests("ASL202", sshAlt, prefixed(typ+".", fabricConnectionRequests...)...)
		returns(typ+".sftp", "paramiko.SFTPClient")
	}
	for _, typ := range []string{"paramiko.SSHClient", "paramiko.client.SSHClient"} {
		returns(typ, typ)
		serviceRequests("ASL202", sshAlt, prefixed(typ+".", paramikoClientRequests...)...)
		returns(typ+".open_sftp", "paramiko.SFTPClient")
	}
	for _, typ := range []string{"paramiko.SFTPClient", "paramiko.sftp_client.SFTPClient"} {
		serviceRequests("ASL202", sshAlt, prefixed(typ+".", sftpClientRequests...)...)
		// listdir_iter is a generator (paramiko/sftp_client.py: "Generator
		// version of .listdir_attr", its body yields): the call sends
		// nothing, its iteration sends the requests.
		entry(typ + ".listdir_iter").Unblock = UnblockedUnlessIterated
	}

	const kubeClient = "kubernetes.dynamic.DynamicClient"
	for _, typ := range []string{kubeClient, "kubernetes.dynamic.client.DynamicClient"} {
		returns(typ, kubeClient)
	}
	serviceRequests("ASL202", kubeAlt, prefixed(kubeClient+".", kubeDynamicRequests...)...)
	serviceRequests("ASL202", kubeAlt, kubeClient+".resources.get", kubeClient+".resources.search")
	serviceRequests("ASL202", kubeAlt, kubeClient+".watch")
	entry(kubeClient + ".watch").Unblock = UnblockedUnlessIterated

	// netbox-sdk (PyPI netbox-sdk, an async PyNetBox-style client of the
	// NetBox API; netbox_sdk/facade.py, "Async convenience layer"): `api(url,
	// token)` builds an Api whose app attributes (`nb.dcim`,
	// `nb.virtualization`, set in Api.__init__ for each app name) are App
	// objects, and any attribute of an App is an Endpoint (App.__getattr__),
	// so `nb.virtualization.virtual_machines.get(id=...)` is
	// Endpoint.get, an `async def`, as are Endpoint.create, update, delete,
	// choices and count, App.config and Api.status, openapi, get_version,
	// version and create_token; `all()` and `filter()` build a RecordSet
	// (iterated with `async for`) and send nothing. A plugin's endpoints are
	// one level deeper (`nb.plugins.<plugin>.<endpoint>`). The first-sight
	// miss of bench/realbugs99: proxbox-api handed `lambda: netbox_session.
	// virtualization.virtual_machines.get(id=...)` to asyncio.to_thread.
	netboxEndpoint := []string{"get", "create", "update", "delete", "choices", "count"}
	for _, typ := range []string{"netbox_sdk.facade.Api", "netbox_sdk.Api"} {
		returns(typ, "netbox_sdk.facade.Api")
	}
	for _, fn := range []string{"netbox_sdk.api", "netbox_sdk.facade.api"} {
		returns(fn, "netbox_sdk.facade.Api")
	}
	const netboxAPI = "netbox_sdk.facade.Api"
	coroutineMethods(netboxAPI, "status", "openapi", "get_version", "version", "create_token")
	coroutineMethods(netboxAPI+".*", "config")
	coroutineMethods(netboxAPI+".*.*", netboxEndpoint...)
	coroutineMethods(netboxAPI+".*.*.*", netboxEndpoint...) // nb.plugins.<plugin>.<endpoint>
	coroutineMethods("netbox_sdk.facade.App", "config")
	coroutineMethods("netbox_sdk.facade.App.*", netboxEndpoint...)
	coroutineMethods("netbox_sdk.facade.Endpoint", netboxEndpoint...)
	wildcardRoots = append(wildcardRoots, netboxAPI, "netbox_sdk.facade.App")
}
