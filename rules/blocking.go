package rules

import (
	"strings"
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// blockingCall describes a call that blocks the thread it runs on.
type blockingCall struct {
	Code string // the most specific rule code for it
	// Instead is what to do instead, shown in messages.
	Instead string
	// Name is the library API called, when a record names it.
	Name string
	// NoThreadFix: moving the call to a worker thread would not take its
	// waiting off the loop (a gRPC response stream iterated on the loop,
	// where the call is made or through the local it is bound to), so its
	// finding offers no to_thread fix.
	NoThreadFix bool
}

// blockingUse is a blocking call and its family.
type blockingUse struct {
	Call *analysis.Call
	blockingCall
	// inSameFamilyChain: the call is the receiver of another blocking call
	// of its family, whose finding covers it (directBlocking).
	inSameFamilyChain bool
}

// blockingCalls says which calls block their thread and under which rule
// code (family) each is reported. The ASYNC2xx rules and ASL202 each report
// the calls of their own family made directly in a coroutine; ASL201,
// ASL402 and ASYNC124 ask about calls anywhere in the project.
// It follows names through the project's modules
// (`from .clients import session; session.get(url)`), so the rules that
// require it are CrossFile.
var blockingCalls = &fact[*blockingIndex]{name: "blockingCalls", crossFile: true, compute: func(p *Pass) *blockingIndex {
	return &blockingIndex{project: p.Project, module: p.Module, options: p.Options, verdicts: map[*analysis.Call]blockingVerdict{}}
}}

// blockingInHelpers is what the rules that follow calls through synchronous
// helpers (ASL201, ASYNC124, ASL402) count as blocking there: every blocking
// family whose rule is on by default, and a family whose rule is off by
// default (ASYNC240's file-system metadata calls) only where that rule is
// enabled, so a helper's `os.stat()` is reported exactly when a direct one
// would be. Its rules must also require blockingCalls.
var blockingInHelpers = &fact[helperBlocking]{name: "blockingInHelpers", crossFile: true, compute: func(p *Pass) helperBlocking {
	kind := "blocks"
	for _, r := range All() {
		if !r.Default && p.Options.Enabled[r.Code] {
			kind += " " + r.Code
			if p.Options.addedByPlatform(r.Code) {
				kind += "(platform)" // only the calls the platform reports: another predicate
			}
		}
	}
	index := blockingCalls.of(p)
	blocks := func(m *analysis.Module, c *analysis.Call) bool {
		b, ok := index.classify(m, c)
		if !ok {
			return false
		}
		r := Lookup(b.Code)
		return r == nil || r.Default || p.Options.Enabled[b.Code] && p.Options.platformReports(b.Code, b.Name)
	}
	follow, followKind := blocks, kind
	if !helperLocalFiles(p) {
		followKind += " no-local-files"
		follow = func(m *analysis.Module, c *analysis.Call) bool {
			if !blocks(m, c) {
				return false
			}
			b, _ := index.classify(m, c)
			return !localFileFamilies[b.Code] && !pylib.LocalFileWork(b.Name)
		}
	}
	// In a command-line program's own module, the families its direct
	// calls are left out for (Rule.QuietInCommandLineTools: local file
	// work, `input()`) end no chain either, unless local-io-in-cli: a
	// prompt reached through a helper waits for the user as a direct one
	// does.
	if !p.Options.LocalIOInCommandLineTools && pylib.CommandLineModule(p.Module.ImportNames(), p.Module.File.Path) {
		followKind += " no-cli-local-io"
		followed := follow
		follow = func(m *analysis.Module, c *analysis.Call) bool {
			if !followed(m, c) {
				return false
			}
			b, _ := index.classify(m, c)
			r := Lookup(b.Code)
			return r == nil || !r.QuietInCommandLineTools
		}
	}
	return helperBlocking{Kind: kind, Blocks: blocks, FollowKind: followKind, Follow: follow}
}}

// helperBlocking is the Reach kind and predicate for blocking calls inside
// helpers.
type helperBlocking struct {
	// Kind names the opted-in families: Reach memoises per kind, and the
	// configuration may differ per file. FollowKind is Follow's (it names
	// `asl201-local-files` too).
	Kind, FollowKind string
	// Blocks is a call that a blocking rule reports where it is written.
	Blocks func(*analysis.Module, *analysis.Call) bool
	// Follow is a blocking call that ends ASL201's chains through helpers:
	// Blocks, less the local file families when `asl201-local-files` is
	// false.
	Follow func(*analysis.Module, *analysis.Call) bool
}

// blockingIndex classifies calls once per Check (several rules ask about
// the same calls); safe for concurrent use.
type blockingIndex struct {
	project *analysis.Project
	module  *analysis.Module
	options *Options

	mu       sync.Mutex
	verdicts map[*analysis.Call]blockingVerdict

	inCoroutinesOnce sync.Once
	inCoroutines     []blockingUse
}

type blockingVerdict struct {
	call blockingCall
	ok   bool
}

// classify returns the family of call c of module m (any module of the
// project), following names through the project's modules.
func (x *blockingIndex) classify(m *analysis.Module, c *analysis.Call) (blockingCall, bool) {
	x.mu.Lock()
	v, found := x.verdicts[c]
	x.mu.Unlock()
	if found {
		return v.call, v.ok
	}
	// Computed outside the lock: two rules asking at once both compute the
	// same (deterministic) verdict, which is cheaper than waiting.
	b, ok := classifyBlockingIn(x.project, m, c, x.options)
	x.mu.Lock()
	x.verdicts[c] = blockingVerdict{b, ok}
	x.mu.Unlock()
	return b, ok
}

// InCoroutines returns the module's blocking calls made directly in a
// coroutine, in source order: an async def, or a generator-based coroutine
// function (`@asyncio.coroutine` with `yield from`), whose body runs on the
// event loop the same way.
func (x *blockingIndex) InCoroutines() []blockingUse {
	x.inCoroutinesOnce.Do(func() {
		for _, c := range x.module.Calls {
			if !c.InCoroutine() {
				continue
			}
			if b, ok := x.classify(x.module, c); ok {
				x.inCoroutines = append(x.inCoroutines, blockingUse{Call: c, blockingCall: b})
			}
		}
		markSameFamilyChains(x.inCoroutines)
	})
	return x.inCoroutines
}

// reportDirectBlocking is the whole run of a blocking family's rule but
// ASYNC251's (whose fix is asyncio.sleep): each of directBlocking's calls
// of family code, with blockingMessage and the to_thread fix. The fourteen
// other families (ASYNC200-250, ASL202, ASL203) report alike through it.
func reportDirectBlocking(p *Pass, code string) {
	for _, b := range directBlocking(p, code) {
		p.Report(b.Call.Node, blockingMessage(p, b), WithFix(toThreadFix(p, b.Call)))
	}
}

// directBlocking returns the module's blocking calls of family code made
// directly in a coroutine that the family's rule reports: all of them but
// a call that is the receiver, at any depth, of another blocking call of
// the same family in the same chain (`sqlite3.connect(p).execute(q)
// .fetchone()`: one ASL202, at fetchone). That outer call's finding covers
// the statement - its fix runs the whole chain in a thread - so the inner
// ones would be more findings for the same mistake. Calls of different
// families in one chain (`open(p).read()`: ASYNC230 and ASYNC232) stay two
// findings, each under the code flake8-async users silence.
func directBlocking(p *Pass, code string) []blockingUse {
	var out []blockingUse
	for _, b := range blockingCalls.of(p).InCoroutines() {
		if b.Code == code && !b.inSameFamilyChain && p.Options.platformReports(b.Code, b.Name) {
			out = append(out, b)
		}
	}
	return out
}

// markSameFamilyChains sets inSameFamilyChain on each blocking call that
// is the receiver, at any depth, of another blocking call of its family
// (`x.a().b()`: a is b's receiver).
func markSameFamilyChains(uses []blockingUse) {
	byNode := make(map[*analysis.Node]string, len(uses))
	for _, u := range uses {
		byNode[u.Call.Node] = u.Code
	}
	for i := range uses {
		n := uses[i].Call.Node
		for {
			attr := n.Parent()
			if attr == nil || attr.Type() != "attribute" || attr.ChildByField("object") != n {
				break
			}
			call := attr.Parent()
			if call == nil || call.Type() != "call" || call.ChildByField("function") != attr {
				break
			}
			if byNode[call] == uses[i].Code {
				uses[i].inSameFamilyChain = true
				break
			}
			n = call
		}
	}
}

// blockingNamed returns the blocking family of a qualified callee name
// from the library table.
func blockingNamed(name string) (blockingCall, bool) {
	if name == "" {
		return blockingCall{}, false
	}
	api, ok := pylib.Lookup(name)
	if !ok || !api.Has(pylib.Blocking) {
		return blockingCall{}, false
	}
	return blockingCall{Code: api.Code, Instead: api.Instead}, true
}

// classifyBlocking returns the blocking family of call c in module m.
func classifyBlocking(m *analysis.Module, c *analysis.Call, opts *Options) (blockingCall, bool) {
	return classifyBlockingIn(nil, m, c, opts)
}

// classifyBlockingIn is classifyBlocking that also follows names through the
// project's other modules (`from .clients import session; session.get(url)`).
func classifyBlockingIn(proj *analysis.Project, m *analysis.Module, c *analysis.Call, opts *Options) (blockingCall, bool) {
	if c.Usage == analysis.UsageAwaited {
		return blockingCall{}, false // an awaited call is an async API, whatever its name
	}
	name := c.Callee
	instance := c.CalleeInstance
	if name == "" && proj != nil && c.Via != "" {
		// A method of what another module's function returns.
		r := proj.ResolveVia(c.Via)
		name, instance = r.Name, r.Instance
	}
	if instance && name != "" {
		// Calling an instance runs its class's __call__ (a transformers
		// Pipeline), not its constructor (`smtplib.SMTP(...)` connects;
		// calling an SMTP object is no such call).
		name += ".__call__"
	}
	if _, ok := blockingNamed(name); !ok && proj != nil && name != "" {
		name = proj.Canonical(name)
	}
	if _, ok := blockingNamed(name); !ok {
		if n := unboundModuleCallee(m, c); n != "" {
			name = n
		}
	}
	if b, ok := blockingNamed(name); ok {
		if r := Lookup(b.Code); r != nil && r.NonBlocking != nil && r.NonBlocking(proj, m, c, name) || guardedAgainstBlocking(m, c) {
			return blockingCall{}, false
		}
		b.Name = name
		return b, true
	}
	if b, ok := osSpawnCall(m, c, name); ok {
		return b, true
	}
	if opts != nil && len(opts.ExtraBlocking) > 0 {
		configured := name
		if configured == "" {
			configured = unboundWrittenName(m, c)
		}
		for _, entry := range opts.ExtraBlocking {
			if b, ok := matchConfigured(entry, configured); ok {
				return b, true
			}
			// A bare entry (`bar`, no module) names no qualified function:
			// it means the call written `bar()`, as in flake8-async, also
			// when `bar` is a function the project defines.
			if pattern, _ := splitBlockingEntry(entry); !strings.ContainsAny(pattern, ".*") && projectFunctionCalled(m, c, pattern) {
				if b, ok := matchConfigured(entry, pattern); ok {
					return b, true
				}
			}
			// A receiver of unknown type matches a `*` component as written
			// (`*.close_sync` and `conn.close_sync()`).
			if configured == "" && strings.HasPrefix(entry, "*.") {
				if b, ok := matchConfigured(entry, writtenDottedName(m, c)); ok {
					return b, true
				}
			}
		}
	}
	if name == "" || untypedReceiver(name) {
		if b, ok := googleAuthRefresh(m, c); ok {
			return b, true
		}
	}
	if b, ok := syncGRPCStubCall(proj, m, c); ok {
		return b, true
	}
	if b, ok := modelInstanceRelationQuery(proj, m, c); ok {
		return b, true
	}
	if name == "" {
		return urllib3PoolRequest(m, c)
	}
	return blockingCall{}, false
}

// untypedReceiver reports a method name resolved on a receiver whose type
// says nothing about it: an instance annotated `object` or `Any`
// (`self._credentials: object | None`).
func untypedReceiver(name string) bool {
	i := strings.LastIndexByte(name, '.')
	return i > 0 && pylib.UntypedInstance(name[:i])
}

// googleAuthRefresh reads `creds.refresh(request)` (or
// `creds.before_request(request, ...)`, which refreshes expired
// credentials) on a receiver of unknown type as google-auth's blocking
// token refresh when the request is one of its synchronous transports
// (`google.auth.transport.requests.Request()`): that object exists to make
// google-auth's HTTP requests, so whatever receives it as the request of a
// refresh makes them with it. The credentials usually come from
// `google.auth.default()` or a factory annotated `object`, which name no
// type. A receiver the model resolves (a project class's own refresh) is
// not read this way: its callee is known and followed.
func googleAuthRefresh(m *analysis.Module, c *analysis.Call) (blockingCall, bool) {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Target != nil {
		return blockingCall{}, false
	}
	switch m.File.Text(fn.ChildByField("attribute")) {
	case "refresh", "before_request":
	default:
		return blockingCall{}, false
	}
	req := c.Keyword("request", m.File)
	if req == nil {
		req = c.Positional(0)
	}
	if req == nil {
		return blockingCall{}, false
	}
	if r := m.Resolve(req); !r.Instance || !pylib.GoogleAuthSyncTransports[r.Name] {
		return blockingCall{}, false
	}
	b, ok := blockingNamed(pylib.GoogleAuthRefresh)
	if !ok || guardedAgainstBlocking(m, c) {
		return blockingCall{}, false
	}
	b.Name = pylib.GoogleAuthRefresh
	return b, true
}

// syncGRPCStubCall reads `stub.Method(request)` as a blocking RPC when
// stub is an instance of a stub class protoc generated (`XStub` of a
// `*_pb2_grpc` module, pylib.GRPCGeneratedStub) that was made, where the
// receiver is assigned (a local, a `with ... as` target, or an attribute
// of the class), around a synchronous channel: a call of
// grpc.insecure_channel, secure_channel or intercept_channel
// (pylib.GRPCSyncChannels), passed as the stub's argument or assigned to
// the name passed. The stub's attributes are the channel's
// multi-callables, so calling one makes the RPC on the calling thread (a
// server-streaming one waits in each next() of the `for` over it). A stub
// over a grpc.aio channel, over a channel of unknown origin (a parameter),
// and `stub.Method.future(...)` (whose receiver is no stub) are not read
// so.
func syncGRPCStubCall(proj *analysis.Project, m *analysis.Module, c *analysis.Call) (blockingCall, bool) {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Target != nil {
		return blockingCall{}, false
	}
	// The model types the receiver from the constructor call it follows
	// below (`pkg.api_pb2_grpc.APIStub.Query`): that name is the cheap test
	// every other call fails.
	name := c.Callee
	if i := strings.LastIndexByte(name, '.'); i < 0 || c.CalleeInstance || !pylib.GRPCGeneratedStub(name[:i]) {
		return blockingCall{}, false
	}
	cm, ctor := constructorCallIn(proj, m, fn.ChildByField("object"))
	if ctor == nil || !pylib.GRPCGeneratedStub(calleeOf(cm, ctor)) {
		return blockingCall{}, false
	}
	channel := constructorArg(cm, ctor, 0, "channel")
	if channel == nil {
		return blockingCall{}, false
	}
	made := constructorCall(cm, channel, 0)
	if made == nil || !pylib.GRPCSyncChannels[calleeOf(cm, made)] || guardedAgainstBlocking(m, c) {
		return blockingCall{}, false
	}
	// A server-streaming call's response waits in its iteration, which a
	// to_thread of the call would leave on the loop: iterated where it is
	// made (a `for`, `list(...)`) or through the local it is bound to
	// (`features = stub.ListFeatures(rect)`, then `for f in features:`).
	b, ok := blockingNamed(pylib.GRPCSyncCall)
	if !ok {
		return blockingCall{}, false
	}
	b.Name, b.NoThreadFix = name, iteratedOnLoop(m, c.Node) || boundThenIterated(m, c.Node)
	return b, true
}

// modelInstanceRelationQuery reads `owner.installations.filter(...).first()`
// as Django's query (django.db.models.QuerySet.first) in a module that
// imports Django or Channels: a query-running method (one whose coroutine
// twin pylib.DjangoAsyncManagerMethods lists) at the end of a chain of one
// or more lazy queryset methods (pylib.DjangoLazyQuerySetMethods: `filter`,
// `all`, `order_by`...) on an attribute of a model instance - a value typed
// as a class of an app's models module (`owner: Optional[Owner]` with
// `from codecov_auth.models import Owner`, resolved or not) or of a
// project class deriving from django.db.models.Model. The only attributes
// of a model instance with a `filter` are its related managers (the reverse
// side of a ForeignKey, `related_name=...`, and many-to-many fields), whose
// querysets run the query like `Model.objects`'s do. Without a lazy method
// the chain says too little (`obj.meta.get("k")` on a JSON field is a dict).
func modelInstanceRelationQuery(proj *analysis.Project, m *analysis.Module, c *analysis.Call) (blockingCall, bool) {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || c.Target != nil {
		return blockingCall{}, false
	}
	attr := m.File.Text(fn.ChildByField("attribute"))
	if !pylib.DjangoAsyncManagerMethods["a"+attr] {
		return blockingCall{}, false
	}
	recv, lazy := analysis.Unparen(fn.ChildByField("object")), 0
	for recv != nil && recv.Type() == "call" {
		f := recv.ChildByField("function")
		if f == nil || f.Type() != "attribute" || !pylib.DjangoLazyQuerySetMethods[m.File.Text(f.ChildByField("attribute"))] {
			return blockingCall{}, false
		}
		lazy++
		recv = analysis.Unparen(f.ChildByField("object"))
	}
	if lazy == 0 || recv == nil || recv.Type() != "attribute" || !pylib.ImportsDjango(m.ImportNames()) {
		return blockingCall{}, false
	}
	if r := m.Resolve(recv.ChildByField("object")); !r.Instance || !djangoModelRef(proj, r) || guardedAgainstBlocking(m, c) {
		return blockingCall{}, false
	}
	b, ok := blockingNamed(pylib.DjangoQuerySet + "." + attr)
	if !ok {
		return blockingCall{}, false
	}
	b.Name = pylib.DjangoQuerySet + "." + attr
	return b, true
}

// djangoModelRef reports a reference to a Django model class (or an
// instance's class): a class of an app's models module that neither the
// project nor pylib defines (unresolvedModelClass), or a project class
// deriving from django.db.models.Model.
func djangoModelRef(proj *analysis.Project, r analysis.Ref) bool {
	if r.Class == nil {
		return unresolvedModelClass(r)
	}
	return proj != nil && proj.LibraryBaseWhere(r.Class, func(lib string) bool { return pylib.DjangoModelBases[lib] }) != nil
}

// IsBlocking reports whether c blocks its thread (any ASYNC2xx family).
func IsBlocking(m *analysis.Module, c *analysis.Call, opts *Options) bool {
	_, ok := classifyBlocking(m, c, opts)
	return ok
}

// BlockingCode returns the rule code for a blocking call, or "".
func BlockingCode(m *analysis.Module, c *analysis.Call, opts *Options) string {
	b, _ := classifyBlocking(m, c, opts)
	return b.Code
}

// blockingMessage is the message of a blocking rule for a blocking call made
// directly in a coroutine, with the delay ASL402 simulated for it.
func blockingMessage(p *Pass, b blockingUse) string {
	return withDelay(p, displayName(p.Project, p.Module, b.Call)+" blocks the event loop in "+coroutineNoun(b.Call.Func)+" `"+b.Call.Func.Name+"`; "+
		awaitAs(b.Call.Func, b.Instead), int(b.Call.Node.Start))
}

// awaitAs rewrites the `await ...` of advice for the coroutine f: a
// generator-based coroutine waits with `yield from` (`yield from
// asyncio.sleep(1)`), as `await` is a syntax error in its def.
func awaitAs(f *analysis.Function, advice string) string {
	if f.IsGeneratorCoroutine() {
		return strings.ReplaceAll(advice, "`await ", "`yield from ")
	}
	return advice
}

// coroutineNoun names the kind of coroutine f is in a message: "async
// function", or "generator-based coroutine" for a def made one by
// `@asyncio.coroutine` (its body runs on the loop like an async def's, and
// waits with `yield from`, not `await`).
func coroutineNoun(f *analysis.Function) string {
	if f.IsGeneratorCoroutine() {
		return "generator-based coroutine"
	}
	return "async function"
}

// displayName is how a call is shown in messages: its source text, with the
// qualified name it resolves to when that says more ("`rq.post()` (requests.post)"),
// followed through the project's modules (`self.hub.session.get()` (requests.Session.get)).
func displayName(proj *analysis.Project, m *analysis.Module, c *analysis.Call) string {
	text := m.File.Text(c.Node.ChildByField("function"))
	out := "`" + m.File.Brief(c.Node.ChildByField("function")) + "()`"
	name := c.Callee
	if name != "" && proj != nil {
		name = proj.Canonical(name)
	}
	if name == "" && proj != nil && c.Via != "" {
		name = proj.ResolveVia(c.Via).Name
	}
	if rest, ok := strings.CutPrefix(name, pylib.TextFileType+"."); ok && m != nil {
		// open()'s result is typed as a text file whatever its mode:
		// name the binary file's class when the mode says so, none when
		// the mode is not known.
		fn := c.Node.ChildByField("function")
		if fn != nil && fn.Type() == "attribute" {
			if typ := binaryFileType(m, fn.ChildByField("object")); typ != "" {
				name = typ + "." + rest
			}
		}
	}
	if name != "" && !strings.HasSuffix(name, text) {
		out += " (" + name + ")"
	}
	return out
}

// unboundModuleCallee reads `subprocess.run(...)` whose root name is bound
// nowhere in the file (no import, no assignment, not a builtin) as a call of
// that module, as flake8-async does: the import is elsewhere (a star import,
// an exec'd prelude, a snippet) and the name can only mean the module.
func unboundModuleCallee(m *analysis.Module, c *analysis.Call) string {
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return ""
	}
	root := fn
	for root.Type() == "attribute" {
		root = root.ChildByField("object")
	}
	if root == nil || root.Type() != "identifier" {
		return ""
	}
	name := m.File.Text(root)
	if !m.IsBuiltin(root, name) || pythonBuiltins[name] {
		return ""
	}
	for _, imp := range m.Imports {
		if imp.Name == "*" {
			return "" // a star import may bind it to anything
		}
	}
	text := m.File.Text(fn)
	if strings.ContainsAny(text, " \t\n()[]") {
		return ""
	}
	return text
}

// writtenDottedName is the call's function as written when it is a chain
// of names (`conn.pool.close`), else "".
func writtenDottedName(m *analysis.Module, c *analysis.Call) string {
	fn := c.Node.ChildByField("function")
	for n := fn; n != nil && n.Type() == "attribute"; n = n.ChildByField("object") {
		if o := n.ChildByField("object"); o == nil || (o.Type() != "attribute" && o.Type() != "identifier") {
			return ""
		}
	}
	if fn == nil || (fn.Type() != "attribute" && fn.Type() != "identifier") {
		return ""
	}
	text := m.File.Text(fn)
	if strings.ContainsAny(text, " \t\n") {
		return ""
	}
	return text
}

// projectFunctionCalled reports a call written `name(...)` whose name is a
// function or class of the project.
func projectFunctionCalled(m *analysis.Module, c *analysis.Call, name string) bool {
	fn := analysis.Unparen(c.Node.ChildByField("function"))
	if fn == nil || fn.Type() != "identifier" || m.File.Text(fn) != name {
		return false
	}
	r := m.Resolve(fn)
	return r.Func != nil || r.Class != nil
}

// unboundWrittenName is the dotted name a call is written with (`bar`,
// `bee.bonnet`) when its root is bound nowhere in the file and is no
// builtin: nothing else can be known of it, so configured entries match it
// as written. "" otherwise.
func unboundWrittenName(m *analysis.Module, c *analysis.Call) string {
	fn := c.Node.ChildByField("function")
	root := fn
	for root != nil && root.Type() == "attribute" {
		root = root.ChildByField("object")
	}
	if root == nil || root.Type() != "identifier" {
		return ""
	}
	name := m.File.Text(root)
	if !m.IsBuiltin(root, name) || pythonBuiltins[name] || m.Resolve(root).Name != "" {
		return ""
	}
	text := m.File.Text(fn)
	if strings.ContainsAny(text, " \t\n()[]") {
		return ""
	}
	return text
}

// pythonBuiltins are builtin names that are not modules (a root that is
// one of these is never read as a module).
var pythonBuiltins = map[string]bool{"open": true, "print": true, "input": true, "str": true, "bytes": true, "int": true,
	"list": true, "dict": true, "set": true, "tuple": true, "object": true, "type": true, "super": true, "self": true, "cls": true}
