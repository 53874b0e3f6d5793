package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC106 reports asyncio/trio/anyio imported other than with `import x`.
var ASYNC106 = register(&Rule{
	Code:    "ASYNC106",
	Name:    "bad-async-library-import",
	Summary: "asyncio (or trio/anyio) imported other than with a plain `import asyncio`",
	Rationale: "Writing `asyncio.sleep`, `asyncio.create_task` in full makes it obvious which calls are asyncio's, " +
		"and keeps code greppable and consistent with tools that recognise the library by its name. `from asyncio " +
		"import sleep` or `import asyncio as aio` hides it.",
	Bad: `from asyncio import sleep

async def tick():
    await sleep(1)`,
	Good: `import asyncio

async def tick():
    await asyncio.sleep(1)`,
	Severity: Info,
	Default:  false,
	Notes: "Off by default, as in flake8-async. asyncls itself follows imports and aliases, so the other rules work " +
		"either way; this is a style rule.",
	Run: runBadLibraryImport,
})

func runBadLibraryImport(p *Pass) {
	seen := map[*analysis.Node]bool{}
	for _, imp := range p.Module.Imports {
		if seen[imp.Node] {
			continue
		}
		lib := imp.Module
		if i := strings.IndexByte(lib, '.'); i >= 0 {
			lib = lib[:i]
		}
		if !pylib.Is(lib, pylib.AsyncLibrary) {
			continue
		}
		switch {
		case imp.Name == "*" && pylib.Is(imp.Module, pylib.AsyncLibrary) && !imp.Relative:
			seen[imp.Node] = true
			p.Report(imp.Node, "`from "+imp.Module+" import *`: use `import "+imp.Module+"` and the full names")
		case imp.Name != "" && pylib.Is(imp.Module, pylib.AsyncLibrary) && !imp.Relative:
			seen[imp.Node] = true
			p.Report(imp.Node, "`from "+imp.Module+" import ...`: use `import "+imp.Module+"` and write `"+imp.Module+"."+imp.Name+"`")
		case imp.Name == "" && pylib.Is(imp.Module, pylib.AsyncLibrary) && imp.BoundName != imp.Module:
			seen[imp.Node] = true
			p.Report(imp.Node, "`import "+imp.Module+" as "+imp.BoundName+"`: use `import "+imp.Module+"` and the full name")
		}
	}
}
