package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC127 reports imports of the unmaintained httpx.
var ASYNC127 = register(&Rule{
	Code:    "ASYNC127",
	Name:    "unmaintained-httpx",
	Summary: "Import of `httpx`, which is no longer maintained; use `httpx2`",
	Rationale: "The original `httpx` package is no longer maintained; `httpx2` continues the project with the same " +
		"API and receives security updates. A network client is exactly the kind of dependency that needs them.",
	Bad: `import httpx

async def fetch(url):
    async with httpx.AsyncClient() as client:
        return await client.get(url)`,
	Good: `import httpx2

async def fetch(url):
    async with httpx2.AsyncClient() as client:
        return await client.get(url)`,
	Severity: Info,
	Default:  false,
	Notes: "Off by default, a deliberate difference from flake8-async (which reports it by default): it is advice " +
		"about a dependency, not a mistake in the code that imports it. On five corpora of real async packages " +
		"(docs/precision.md) none of 11 findings was one a maintainer would act on: each was a library or tool " +
		"built on httpx (dnspython's DNS-over-HTTPS, starlette's TestClient, sentry-sdk's httpx integration, " +
		"python-telegram-bot's and gql's transports, nala, aioxmlrpc), where switching the HTTP library is a dependency decision for the project, not a fix " +
		"at the import. Enable it with `extend-select = [\"ASYNC127\"]`; it then reports what flake8-async does. " +
		"As flake8-async's ASYNC127 (25.x), every import of `httpx` or a submodule is reported once per statement " +
		"(`from httpx import *` included); relative imports (`from .httpx import Client`) name a module of the project and are not. " +
		"The advice is flake8-async's (26.6.1, python-trio/flake8-async#461): `httpx2` is the maintained continuation of `httpx`, " +
		"and ASYNC210/211/212 recommend `httpx2.AsyncClient` for the same reason.",
	Run: runUnmaintainedHttpx,
})

func runUnmaintainedHttpx(p *Pass) {
	seen := map[*analysis.Node]bool{}
	for _, imp := range p.Module.Imports {
		if seen[imp.Node] || imp.Relative {
			continue
		}
		top, _, _ := strings.Cut(imp.Module, ".")
		api, ok := pylib.Lookup(top)
		if !ok || !api.Has(pylib.Superseded) {
			continue
		}
		seen[imp.Node] = true
		p.Report(imp.Node, "`"+top+"` is no longer maintained; switch to `"+api.Instead+"`, its maintained continuation with the same API")
	}
}
