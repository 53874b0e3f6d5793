package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// blockingCall describes a call that blocks the thread it runs on.
type blockingCall struct {
	Code string // the most specific rule code for it
	// Instead is what to do instead, shown in messages.
	Instead string
}

// blockingNames maps qualified callee names to their blocking family. Names
// of methods are qualified by the type of their receiver as the semantic
// model resolves it ("requests.Session.get").
var blockingNames = map[string]blockingCall{}

func addBlocking(code, instead string, names ...string) {
	for _, n := range names {
		blockingNames[n] = blockingCall{Code: code, Instead: instead}
	}
}

var httpVerbs = []string{"get", "options", "head", "post", "put", "patch", "delete", "request"}

func init() {
	const httpAlt = "use an async client (httpx2.AsyncClient, aiohttp) or `await asyncio.to_thread(...)`"
	for _, v := range httpVerbs {
		addBlocking("ASYNC210", httpAlt, "requests."+v, "requests.api."+v, "requests.Session."+v, "httpx."+v)
		addBlocking("ASYNC212", "use `httpx.AsyncClient` (or `httpx2.AsyncClient`) and await it", "httpx.Client."+v)
	}
	addBlocking("ASYNC210", httpAlt, "requests.Session.send", "urllib.request.urlopen", "urllib.urlopen", "urllib2.urlopen",
		"urllib3.request", "httpx.stream")
	// Methods of urllib3's pools are ASYNC211, as flake8-async documents it
	// ("urllib3 method calls on pool objects").
	for _, pool := range []string{"urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.HTTPConnectionPool", "urllib3.HTTPSConnectionPool"} {
		addBlocking("ASYNC211", poolAlt, pool+".request", pool+".urlopen", pool+".request_encode_url", pool+".request_encode_body")
	}
	addBlocking("ASYNC212", "use `httpx.AsyncClient` (or `httpx2.AsyncClient`) and await it", "httpx.Client.send", "httpx.Client.stream", "httpx.Client.close")

	const spawnAlt = "use `await asyncio.create_subprocess_exec(...)` (or `_shell`)"
	addBlocking("ASYNC220", spawnAlt, "subprocess.Popen", "os.popen")
	addBlocking("ASYNC221", spawnAlt+" and `await proc.communicate()`", "subprocess.run", "subprocess.call", "subprocess.check_call",
		"subprocess.check_output", "subprocess.getoutput", "subprocess.getstatusoutput", "os.system", "os.posix_spawn", "os.posix_spawnp")
	addBlocking("ASYNC222", "await the asyncio subprocess's `wait()` instead, or use `await asyncio.to_thread(...)`",
		"os.wait", "os.wait3", "os.wait4", "os.waitid", "os.waitpid")

	const openAlt = "use `await asyncio.to_thread(...)` for the file work, or an async file library such as aiofiles"
	addBlocking("ASYNC230", openAlt, "open", "io.open", "io.open_code", "codecs.open", "fileinput.input", "fileinput.FileInput",
		"tempfile.TemporaryFile", "tempfile.NamedTemporaryFile", "tempfile.SpooledTemporaryFile", "tempfile.TemporaryDirectory",
		"tempfile.mkstemp", "tempfile.mkdtemp", "pathlib.Path.open")
	addBlocking("ASYNC231", openAlt, "os.fdopen")
	for _, t := range fileTypes {
		for _, meth := range []string{"read", "read1", "readall", "readinto", "readline", "readlines", "write", "writelines",
			"seek", "truncate", "flush", "close", "__iter__", "__next__"} {
			addBlocking("ASYNC232", "do the file I/O in `await asyncio.to_thread(...)`, or use an async file library such as aiofiles", t+"."+meth)
		}
	}

	const pathAlt = "do the file-system call in `await asyncio.to_thread(...)`"
	for _, f := range []string{"exists", "lexists", "isfile", "isdir", "islink", "ismount", "isjunction", "getsize", "getmtime",
		"getatime", "getctime", "samefile", "sameopenfile", "samestat", "realpath"} {
		addBlocking("ASYNC240", pathAlt, "os.path."+f, "posixpath."+f, "ntpath."+f)
	}
	for _, m := range []string{"exists", "is_file", "is_dir", "is_symlink", "is_mount", "is_socket", "is_fifo",
		"is_block_device", "is_char_device", "stat", "lstat", "read_text", "read_bytes", "write_text", "write_bytes",
		"mkdir", "rmdir", "unlink", "touch", "rename", "replace", "iterdir", "glob", "rglob", "resolve", "samefile",
		"chmod", "lchmod", "owner", "group", "readlink", "symlink_to", "hardlink_to", "walk"} {
		addBlocking("ASYNC240", pathAlt, "pathlib.Path."+m)
	}
	addBlocking("ASYNC250", "use `await asyncio.to_thread(input, ...)`", "input")
	addBlocking("ASYNC251", "use `await asyncio.sleep(...)`", "time.sleep")
}

// fileTypes are the types of sync file objects (what open() returns, and
// what annotations commonly name).
var fileTypes = []string{"io.TextIOWrapper", "io.BufferedReader", "io.BufferedWriter", "io.BufferedRandom", "io.FileIO",
	"io.BufferedRWPair", "io.RawIOBase", "io.IOBase", "io.TextIOBase", "io.BufferedIOBase", "typing.IO", "typing.TextIO",
	"typing.BinaryIO", "gzip.GzipFile", "bz2.BZ2File", "lzma.LZMAFile"}

// httpMethodStrings are first arguments that make x.request(...) / x.urlopen(...)
// likely an HTTP call (ASYNC211).
var httpMethodStrings = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

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
	if _, ok := blockingNames[name]; !ok && proj != nil && name != "" {
		name = proj.Canonical(name)
	}
	if _, ok := blockingNames[name]; !ok && c.Node.ChildByField("function") != nil {
		if n := calleeName(m, c.Node, 0); n != "" {
			name = n
		}
	}
	if b, ok := blockingNames[name]; ok {
		if nonBlockingUse(m, c, name) || guardedAgainstBlocking(m, c, name) {
			return blockingCall{}, false
		}
		return b, true
	}
	if c.Callee == "os.spawnl" || strings.HasPrefix(c.Callee, "os.spawn") {
		mode := m.File.Text(c.Positional(0))
		if strings.HasSuffix(mode, "P_NOWAIT") || strings.HasSuffix(mode, "P_NOWAITO") {
			return blockingCall{Code: "ASYNC220", Instead: "use `await asyncio.create_subprocess_exec(...)`"}, true
		}
		return blockingCall{Code: "ASYNC221", Instead: "use `await asyncio.create_subprocess_exec(...)` and await the process"}, true
	}
	if opts != nil {
		for _, entry := range opts.ExtraBlocking {
			if b, ok := matchConfigured(entry, name); ok {
				return b, true
			}
		}
	}
	// ASYNC211: in a module that uses urllib3, an unknown object's
	// .request("GET", ...) / .urlopen("GET", ...) looks like a urllib3 pool;
	// the signature is all there is to go on (flake8-async's condition).
	if name == "" && importsUrllib3(m) {
		if meth := c.Method(m.File); meth == "request" || meth == "urlopen" {
			if first := c.Positional(0); first != nil && first.Type == "string" {
				if httpMethodStrings[strings.ToUpper(strings.Trim(m.File.Text(first), `"'`))] {
					return blockingCall{Code: "ASYNC211", Instead: poolAlt}, true
				}
			}
		}
	}
	return blockingCall{}, false
}

const poolAlt = "use an async HTTP client (httpx2.AsyncClient, aiohttp) or `await asyncio.to_thread(...)`"

// importsUrllib3 reports whether the module imports urllib3 or a part of it.
func importsUrllib3(m *analysis.Module) bool {
	for _, imp := range m.Imports {
		if imp.Qualified == "urllib3" || strings.HasPrefix(imp.Qualified, "urllib3.") {
			return true
		}
	}
	return false
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

// runBlocking is the shared Run of the ASYNC2xx rules: each reports the calls
// of its own family made directly in an async function.
func runBlocking(p *Pass) {
	for _, c := range p.Module.Calls {
		if !c.InAsync() {
			continue
		}
		b, ok := p.blockingOf(p.Module, c)
		if !ok || b.Code != p.Rule.Code {
			continue
		}
		var fix *Fix
		if b.Code == "ASYNC251" {
			fix = sleepFix(p, c)
		} else {
			fix = toThreadFix(p, c)
		}
		p.Report(c.Node, withDelay(p, blockingMessage(p, c, b), int(c.Node.Start)), WithFix(fix))
	}
}

func blockingMessage(p *Pass, c *analysis.Call, b blockingCall) string {
	return displayName(p.Module, c) + " blocks the event loop in async function `" + c.Func.Name + "`; " + b.Instead
}

// displayName is how a call is shown in messages: its source text, with the
// qualified name it resolves to when that says more ("`rq.post()` (requests.post)").
func displayName(m *analysis.Module, c *analysis.Call) string {
	text := m.File.Text(c.Node.ChildByField("function"))
	out := "`" + text + "()`"
	if c.Callee != "" && !strings.HasSuffix(c.Callee, text) {
		out += " (" + c.Callee + ")"
	}
	return out
}
