package rules

import "github.com/asyncls/asyncls/analysis"

// ASL201 reports blocking calls reached through synchronous helpers.
var ASL201 = register(&Rule{
	Code:    "ASL201",
	Name:    "blocking-call-via-helper",
	Summary: "Blocking call reached from a coroutine through synchronous helpers",
	Rationale: "Linters stop at the function boundary: `time.sleep` in a coroutine is caught, but a coroutine that " +
		"calls `load_config()`, which calls `requests.get`, blocks the event loop just the same. asyncls follows calls " +
		"into the project's synchronous functions and methods, at any depth and across modules.",
	Bad: `import requests

def load_config(url):
    return requests.get(url).json()

async def start(url):
    config = load_config(url)`,
	Good: `import asyncio
import requests

def load_config(url):
    return requests.get(url).json()

async def start(url):
    config = await asyncio.to_thread(load_config, url)`,
	Severity:  Warning,
	Default:   true,
	CrossFile: true,
	Fix:       "Wrap the call as `await asyncio.to_thread(helper, *args)`.",
	Notes: "Blocking calls are every call of the ASYNC2xx families (and names configured as blocking). Reported at " +
		"the call site in the coroutine, with the chain in the message and each hop as related information.",
	Run: runBlockingViaHelper,
})

func runBlockingViaHelper(p *Pass) {
	blocks := func(m *analysis.Module, c *analysis.Call) bool {
		_, ok := classifyBlockingIn(p.Project, m, c, p.Options)
		return ok
	}
	// Reach memoises per project snapshot and kind; the options (configured
	// blocking names) are the same for every module of one run.
	direct := blocks
	for _, c := range p.Module.Calls {
		if !c.InAsync() || blocks(p.Module, c) {
			continue
		}
		target := p.Project.Target(c)
		if target == nil || target.Async || target.Lambda || target.Generator || returnsAwaitable(c) {
			continue
		}
		chain := p.Project.Reach("blocks", target, direct)
		if chain == nil {
			continue
		}
		last := chain[len(chain)-1]
		lastText := last.Func.Module().File.Text(last.Call.Node.ChildByField("function"))
		how := "it calls blocking `" + lastText + "()`"
		if len(chain) > 1 {
			how = "it reaches blocking `" + lastText + "()` via " + describeChain(chain)
		}
		p.Report(c.Node, "`"+p.File.Text(c.Node.ChildByField("function"))+"()` blocks the event loop in async function `"+
			c.Func.Name+"`: "+how+"; run it with `await asyncio.to_thread(...)`",
			WithRelated(chainRelated(chain)...), WithFix(toThreadFix(p, c)))
	}
}

// returnsAwaitable reports a call of a sync def whose result the coroutine
// awaits or schedules: a decorator (`@sync_to_async`, a thread-pool
// wrapper) has turned it into something asynchronous, so its body does not
// run on the event loop's thread.
func returnsAwaitable(c *analysis.Call) bool {
	return c.Usage == analysis.UsageAwaited || c.Usage == analysis.UsageScheduled
}
