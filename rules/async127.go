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
	Default:  true,
	Notes: "As flake8-async's ASYNC127 (25.x), every import of `httpx` or a submodule is reported once per statement " +
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
