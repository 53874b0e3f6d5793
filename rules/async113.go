package rules

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC113 reports startable tasks started without waiting in __aenter__.
var ASYNC113 = register(&Rule{
	Code:    "ASYNC113",
	Name:    "start-soon-in-aenter",
	Summary: "Startable task started with `create_task`/`start_soon` in `__aenter__` without waiting for it to be ready",
	Rationale: "A context manager that starts a server or a process in `__aenter__` (or before the `yield` of an " +
		"`@asynccontextmanager`) with `tg.create_task(...)` / `nursery.start_soon(...)` returns before the task has " +
		"started: the body of the `async with` may connect to a server that is not listening yet. Wait for readiness " +
		"(`await nursery.start(...)` in trio/anyio; an `asyncio.Event` or future the task sets when ready in asyncio).",
	Bad: `from contextlib import asynccontextmanager

@asynccontextmanager
async def running_server(nursery, handler):
    nursery.start_soon(trio.serve_tcp, handler, 8080)
    yield`,
	Good: `from contextlib import asynccontextmanager

@asynccontextmanager
async def running_server(nursery, handler):
    await nursery.start(trio.serve_tcp, handler, 8080)
    yield`,
	Severity:  Warning,
	Default:   true,
	Settings:  &StartableSettings{StartableInContextManager: []string{}},
	CrossFile: true,
	Notes: "Startable functions are trio's `serve_tcp`, `serve_ssl_over_tcp`, `serve_listeners` and `run_process` (as " +
		"flake8-async since 25.2.2), any async function of the project that takes a `task_status` parameter (which " +
		"flake8-async asks users to list by hand, ASYNC114), and the names in the `startable-in-context-manager` setting " +
		"when the configuration provides it. asyncio has no built-in startable functions, so on plain asyncio code the " +
		"rule fires only for project functions with a `task_status` parameter. anyio's `run_process` is not startable " +
		"(it takes no `task_status`): flake8-async's tests report `tg.start_soon(anyio.run_process)` and call it a " +
		"false alarm; asyncls does not (nor for `asyncio.run_process`, which its asyncio run reads in the same case). " +
		"The receiver of `start_soon`/`create_task` need not be known as a nursery or task group: flake8-async " +
		"requires an annotation of exactly the nursery type or a name containing `nursery`, and its tests list as " +
		"not tracked a `self.x` bound by `await manager.__aenter__()`, annotated in `__init__` or annotated " +
		"`Nursery | None`; asyncls reports those starts of a startable function too.",
	Run: runStartSoonInAenter,
})

// StartableSettings are ASYNC113's settings.
type StartableSettings struct {
	StartableInContextManager []string `toml:"startable-in-context-manager" doc:"More startable functions, by qualified or bare name (flake8-async's option of the same name)."`
}

// Validate refuses entries that are not Python names.
func (s *StartableSettings) Validate() error {
	for _, name := range s.StartableInContextManager {
		if !isDottedName(name) {
			return fmt.Errorf("startable-in-context-manager: %q is not a function name (expected e.g. \"mylib.serve\" or \"serve\")", name)
		}
	}
	return nil
}

// isDottedName reports whether s is a Python name or a dotted path of names.
func isDottedName(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i, r := range part {
			if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
				return false
			}
		}
	}
	return true
}

func runStartSoonInAenter(p *Pass) {
	configured := map[string]bool{}
	for _, s := range settingsOf[*StartableSettings](p).StartableInContextManager {
		configured[s] = true
	}
	startable := func(arg *analysis.Node) bool {
		arg = analysis.Unparen(arg)
		if arg == nil {
			return false
		}
		target := arg
		if arg.Type() == "call" {
			target = arg.ChildByField("function")
		}
		name := qualName(p.Module, target)
		if pylib.Is(name, pylib.Startable) {
			return true
		}
		last := p.File.Text(target)
		last = last[strings.LastIndexByte(last, '.')+1:]
		if configured[last] || configured[name] {
			return true
		}
		r := p.Module.Resolve(target)
		f := r.Func
		if f == nil && r.Name != "" && p.Project != nil {
			f = p.Project.Lookup(r.Name).Func
		}
		if f != nil && f.Async {
			for _, prm := range f.Params {
				if prm == "task_status" {
					return true
				}
			}
		}
		return false
	}
	for _, f := range p.Module.Functions {
		if !f.Async || f.Lambda {
			continue
		}
		cm := hasDecorator(p.Module, f, "asynccontextmanager")
		if f.Name != "__aenter__" && !cm {
			continue
		}
		var firstYield uint32 = ^uint32(0)
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			if isYield(n) && n.Start < firstYield {
				firstYield = n.Start
			}
			return true
		})
		for _, c := range f.Calls {
			if c.Node.Start > firstYield {
				continue
			}
			meth := c.Method(p.File)
			// A task group's spawn that does not wait for the task (start does).
			if !pylib.SpawnMethod(meth) || !pylib.Method(meth, pylib.StartsTask) {
				continue
			}
			if startable(c.Positional(0)) {
				p.Report(c.Node, "`"+meth+"()` in `"+f.Name+"` does not wait for the task to be ready before the context is entered; "+
					"use `await nursery.start(...)` (trio/anyio) or wait on an Event the task sets when ready")
			}
		}
	}
}
