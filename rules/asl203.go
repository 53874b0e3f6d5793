package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL203 reports TLS set-up that reads certificate files in a coroutine.
var ASL203 = register(&Rule{
	Code:    "ASL203",
	Name:    "blocking-tls-setup",
	Summary: "SSL context or HTTP client built in an async function (reads the CA bundle from disk)",
	Rationale: "`ssl.create_default_context()` loads the system's CA certificates, `load_verify_locations`, " +
		"`load_cert_chain`, `load_default_certs` and `set_default_verify_paths` read certificate files, and an " +
		"`httpx.AsyncClient()`/`httpx.Client()` (and each httpx transport) builds such a context from certifi's CA " +
		"bundle in its constructor: tens of milliseconds of file reading and parsing during which the event loop " +
		"runs nothing else. Home Assistant's blocking-call detector reports exactly these calls. Built per request, " +
		"per poll or per connection, the cost is paid again each time.",
	Bad: `import httpx

async def poll(url):
    async with httpx.AsyncClient(timeout=10) as client:
        return (await client.get(url)).json()`,
	Good: `import asyncio, httpx

async def poll(client: httpx.AsyncClient, url):
    return (await client.get(url)).json()

async def main(url):
    client = await asyncio.to_thread(httpx.AsyncClient, timeout=10)
    async with client:
        while True:
            await poll(client, url)
            await asyncio.sleep(60)`,
	Severity:            Warning,
	Default:             false,
	QuietInTests:        true,
	DefaultOnStrictLoop: true,
	Fix:                 toThreadFixDoc,
	Notes: "Off by default: on five corpora (the 38 Debian async packages and the four held-out sets) the rule " +
		"adds 40 findings, 31 true (a context or client built per request, per poll or per connection: aiosmtplib's " +
		"`_get_tls_context`, which the project later moved to a thread; electrum's `make_aiohttp_session`, built for " +
		"each HTTP request; the default contexts of anyio, trio, httpcore and redis connections) and 9 debatable (a " +
		"client built once in a one-shot program or a rare path: a CLI's one client, a crash report, an update check, a " +
		"hub's start-up), none false; 78%, below the nine in ten true that a default rule needs, and nothing at the call " +
		"tells a one-shot client from a per-request one (docs/precision.md, \"ASL203\" and \"Issue 9's remaining " +
		"misses\"). It is on by default in Home Assistant integrations (a module that imports `homeassistant` or " +
		"lies under `custom_components/`; pylib.StrictLoopPlatforms), whose detector reports these calls at run time " +
		"(the real bugs of bench/realbugs15 yawamf and realbugs16 carelink). Enable it elsewhere with " +
		"`extend-select = [\"ASL203\"]` for code that shares a loop with others or that builds clients on request " +
		"paths; ASL201 then also follows these calls through helpers and property getters, and only then. Not reported: a server's context, which a " +
		"server builds once when it starts listening (`create_default_context(ssl.Purpose.CLIENT_AUTH)`, " +
		"`ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`, and the loaders called on a local context the same function made " +
		"that way, `ctx.load_cert_chain(cert, key)`: on the corpora all nine such findings were start-up code, none a " +
		"true one); an httpx client or transport given `verify=False`, " +
		"`verify=` a context or any other value than `True` or a path, a `transport=` of its own, or `**options` " +
		"(which may carry either); `create_default_context(cadata=...)` and `load_verify_locations(cadata=...)` " +
		"without a file or directory (the certificates are parsed from memory). Building the context or client in " +
		"`await asyncio.to_thread(...)` and reusing it is the fix (`await asyncio.to_thread(httpx.AsyncClient)`: the " +
		"client does not bind to the loop in its constructor). paho-mqtt's `tls_set` and aiomqtt's `Client(tls_params=...)` " +
		"stay ASYNC230, on by default (they load files named by the caller). A client built in a synchronous `@property` " +
		"read by coroutines is followed into the getter (ASL201: reading a property calls its getter; realbugs16's " +
		"carelink).",
	Requires:    []Fact{blockingCalls, blockingDelays},
	Run:         runBlockingTLSSetup,
	NonBlocking: tlsSetupLoadsNothing,
})

// runBlockingTLSSetup reports the calls of this family made directly in a
// coroutine: the library table's entries with Code ASL203 (pylib), as the
// blockingCalls fact classifies them.
func runBlockingTLSSetup(p *Pass) {
	reportDirectBlocking(p, "ASL203")
}

// tlsSetupLoadsNothing reports a call of the ASL203 family that reads no
// certificate file (pylib's UnblockedByVerify and UnblockedInMemoryCerts):
// an HTTP client or transport told not to build a context from the CA
// bundle (verify= other than True or a path literal, a transport of its
// own, or **options that may say either), and ssl's loaders given only
// in-memory certificates (cadata=).
func tlsSetupLoadsNothing(_ *analysis.Project, m *analysis.Module, c *analysis.Call, name string) bool {
	if serverTLSContext(m, c, name) {
		return true
	}
	f := m.File
	splat := false
	for _, a := range c.Args() {
		if a.Type() == "dictionary_splat" {
			splat = true
		}
	}
	api, _ := pylib.Lookup(name)
	switch api.Unblock {
	case pylib.UnblockedByVerify:
		if splat || c.Keyword("transport", f) != nil {
			return true
		}
		v := c.Keyword("verify", f)
		return v != nil && v.Type() != "true" && v.Type() != "string"
	case pylib.UnblockedInMemoryCerts:
		given := func(k string) bool {
			v := c.Keyword(k, f)
			return v != nil && v.Type() != "none"
		}
		return !splat && c.Positional(api.FileArg) == nil && given("cadata") && !given("cafile") && !given("capath")
	}
	return false
}

// serverTLSContext reports the set-up of a server's TLS context, which a
// server builds once, when it starts listening, not per request:
// `ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)` (a context that
// authenticates clients) and the loaders called on a local context the
// same function made that way or with `ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`
// (`ctx.load_cert_chain(cert, key)`): pylib's ServerMarker. Not counted in
// ASL203's family (nor followed by ASL201 through helpers): on five corpora
// every such context was built at start-up (hypercorn's and pymodbus's
// servers, electrum's payment server, distributed's dashboard, aiocoap's
// CLI server, a webhook's certificate).
func serverTLSContext(m *analysis.Module, c *analysis.Call, name string) bool {
	if api, _ := pylib.Lookup(name); api.ServerMarker != "" {
		return serverSide(m.File, c.Node, api)
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Func == nil || c.Func.Node == nil {
		return false
	}
	recv := m.File.Text(analysis.Unparen(fn.ChildByField("object")))
	body := c.Func.Node.ChildByField("body")
	if body == nil || recv == "" {
		return false
	}
	found := false
	body.Walk(func(n *analysis.Node) bool {
		if found || n.Start >= c.Node.Start {
			return false
		}
		switch n.Type() {
		case "function_definition", "lambda", "class_definition":
			return false
		case "assignment":
			if m.File.Text(n.ChildByField("left")) != recv {
				break
			}
			if v := analysis.Unparen(n.ChildByField("right")); v != nil && v.Type() == "call" {
				api, _ := pylib.Lookup(m.Resolve(v.ChildByField("function")).Name)
				found = api.ServerMarker != "" && serverSide(m.File, v, api)
			}
		}
		return true
	})
	return found
}

// serverSide reports a call of a TLS context constructor given the
// argument that makes a server's context (first, or by its keyword).
func serverSide(f *analysis.File, call *analysis.Node, api pylib.API) bool {
	args := call.ChildByField("arguments")
	if args == nil {
		return false
	}
	for i, a := range args.NamedChildren() {
		if a.Type() == "keyword_argument" {
			if f.Text(a.ChildByField("name")) == api.ServerKeyword {
				return strings.HasSuffix(f.Text(a.ChildByField("value")), api.ServerMarker)
			}
			continue
		}
		if i == 0 {
			return strings.HasSuffix(f.Text(a), api.ServerMarker)
		}
	}
	return false
}
