package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC119 reports yield inside a context manager in an async generator.
var ASYNC119 = register(&Rule{
	Code:    "ASYNC119",
	Name:    "yield-in-cm-in-async-gen",
	Summary: "`yield` inside a `with` block in an async generator",
	Rationale: "If the consumer of an async generator stops iterating early, the generator is suspended at its `yield` " +
		"and its `with` blocks are only closed when it is finalised: by `aclose()`, or by the garbage collector at an " +
		"arbitrary later time, possibly when the event loop is gone and `await` is impossible (PEP 533). Cleanup (closing " +
		"a connection, releasing a lock) is delayed or skipped. Use `@asynccontextmanager`, wrap iteration in " +
		"`async with contextlib.aclosing(gen)`, or restructure so that the resource is held by the caller.",
	Bad: `async def rows(pool):
    async with pool.acquire() as conn:
        async for row in conn.cursor("SELECT 1"):
            yield row`,
	Good: `from contextlib import asynccontextmanager

@asynccontextmanager
async def rows(pool):
    async with pool.acquire() as conn:
        yield conn.cursor("SELECT 1")`,
	CrossFile: true,
	Severity:  Warning,
	Default:   true,
	Notes: "Async generators decorated with `@asynccontextmanager` or a pytest fixture decorator are not reported, also " +
		"under another name (`from pytest_asyncio import fixture as async_fixture`, with a fallback `async_fixture = " +
		"pytest.fixture` in `except ImportError:`, which stands for what the try imports, as a fallback import does). " +
		"flake8-async's option `--transform-async-generator-decorators` is this rule's setting " +
		"`transform-async-generator-decorators` (it applies to ASYNC101 and ASYNC900 too): generators decorated with a " +
		"matching decorator are not reported; otherwise a decorator with an empty body is reported through. " +
		"Deliberate differences from flake8-async, which reports every `with` around a `yield`:\n" +
		"- an async generator whose decorator is a real function or class (aiostream's `@operator`, a benchmark " +
		"harness) is not reported: the decorator receives the generator function and decides how its generators are " +
		"consumed and closed (a decorator with an empty body, like flake8-async's test stub, manages nothing and is " +
		"reported through), and neither is one passed by name to something else (`timed(gen_func)`) or returned by " +
		"name from the function that defines it (a provider factory's product: FastAPI and Litestar enter a generator " +
		"dependency in the request's exit stack; on corpus21, advanced-alchemy's two service providers, judged false), nor a " +
		"module-level one that another module of the project hands by its qualified name to a call or returns (`Depends(get_db_session)` in a router module: FastAPI " +
		"closes each generator it makes when the request ends; on corpus34, tenebrinet's session dependency, judged false); a module that only keeps it under " +
		"another name (`watch = watch_rows`) or reads its attributes hands it to nobody, and it is still reported; " +
		"a factory that returns the generator itself (`return gen_func()`) is still reported;\n" +
		"- a `with` over a context manager that holds nothing (`contextlib.suppress`, `contextlib.nullcontext`, " +
		"`pytest.raises`, a `memoryview`, whose exit only releases its buffer export, or " +
		"a project `@contextmanager` whose only code after its `yield` is in `except` clauses, which translate " +
		"exceptions, or only writes log records and reads clocks (`finally: end = time.time(); " +
		"self.logger.info(\"Finished %s [%.2f s]\", op, end - start)`, a logger's method on a receiver whose last name " +
		"has `log` in it, with no other call in its arguments: zarr's LoggingStore) is not reported: delaying its exit delays nothing;\n" +
		"- nor is `async with aclosing(inner_gen(...))` (contextlib's, its backport `async_generator.aclosing`, or a project copy whose body is `try: yield " +
		"thing` / `finally: await thing.aclose()`) around the re-yielding of a fresh async generator (a function " +
		"the project resolves, or a method whose name the module defines only as async generators): this rule's own " +
		"advice, followed; the exit only closes the inner generator, whose own `with` blocks are reported where it " +
		"yields (on 82 real packages, prompt-toolkit's completers: 3 findings, each judged debatable). `aclosing()` " +
		"of anything else (a stream, a connection given by the caller) is still reported;\n" +
		"- nor is a class's `__aiter__` written as an async generator (httpcore's response streams, websockets' " +
		"reconnecting `async for ws in connect(...)`): `async for obj` calls it, so its callers have no expression to " +
		"wrap in `aclosing()`, and `@asynccontextmanager` cannot stand in for the iteration protocol; neither of the " +
		"rule's fixes applies where the generator is defined (on the sixteen judged corpora, 3 findings in httpcore and websockets, each judged debatable). " +
		"The same generator under another name (`async def stream(self)`, iterated as `async for x in obj.stream()`) is " +
		"still reported;\n" +
		"- nor is a method that a library calls itself and always closes, overridden in a subclass of its class " +
		"(pylib's closed generator methods: `httpx.Auth.async_auth_flow`, which httpx's client drives and ends with " +
		"`finally: await auth_flow.aclose()`, so a lock held across its yields is released when the request ends; on corpus41, " +
		"the MCP SDK's OAuth provider, 9 findings judged false). The same generator in a class that derives from no such " +
		"library class, or under another name, is still reported;\n" +
		"- nor is a private async generator (one leading underscore: the project is its only caller) that every caller in " +
		"the project closes, as this rule advises: each call is given to `aclosing(...)`, or bound to a local that the " +
		"calling function closes in a `finally:` after it (`await stream.aclose()`) or gives to `aclosing()` (on corpus44, " +
		"aiopnsense's `_stream_json_events`, 3 findings judged false). It needs at least one call; one caller that iterates " +
		"without closing, a mention of the name other than a call (`callback=self._lines`), or a public name (its callers " +
		"are outside the project too) keeps the finding.",
	Settings: &TransformDecoratorSettings{TransformAsyncGeneratorDecorators: []string{}},
	Run:      runYieldInCMInAsyncGen,
})

// TransformDecoratorSettings are ASYNC119's settings, read by ASYNC101
// and ASYNC900 too.
type TransformDecoratorSettings struct {
	TransformAsyncGeneratorDecorators []string `toml:"transform-async-generator-decorators" doc:"Decorators that turn an async generator into something safe to yield from inside a context manager (ASYNC119, ASYNC101, ASYNC900; flake8-async's option of the same name), as patterns: \"trio_util.trio_async_generator\", \"*.stream\"."`
}

// Validate refuses empty patterns.
func (s *TransformDecoratorSettings) Validate() error {
	for _, pat := range s.TransformAsyncGeneratorDecorators {
		if _, err := path.Match(pat, ""); err != nil || strings.TrimSpace(pat) == "" {
			return fmt.Errorf("transform-async-generator-decorators: %q is not a name pattern", pat)
		}
	}
	return nil
}

// transformedGenerator reports a function decorated with one of the
// configured transform-async-generator-decorators (ASYNC119's setting).
func transformedGenerator(p *Pass, f *analysis.Function) bool {
	s, ok := p.Options.Settings["ASYNC119"].(*TransformDecoratorSettings)
	return ok && decoratedWithPattern(p.Module, f, s.TransformAsyncGeneratorDecorators)
}

func runYieldInCMInAsyncGen(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || !f.Generator || f.Lambda || hasDecorator(p.Module, f, contextManagerDecorators...) || transformedGenerator(p, f) {
			continue
		}
		if managedByDecorator(p, f) || f.Class != nil && f.Name == "__aiter__" || libraryClosedGenerator(p, f) {
			// `__aiter__` is what `async for obj` calls: its callers write no
			// expression to wrap in aclosing(), and a context manager cannot
			// stand in for the iteration protocol. A library protocol method
			// the library drives and closes (httpx's async_auth_flow) has no
			// caller in the project either, and its with blocks are exited
			// when the library's call ends.
			continue
		}
		passed, checkedPassed := false, false
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			if !isYield(n) {
				return true
			}
			for q := n.Parent(); q != nil && q != f.Node; q = q.Parent() {
				if q.Type() == "with_statement" && inWithBody(q, n) && !holdsNothing(p, q) {
					if !checkedPassed {
						passed, checkedPassed = passedByName(p.Module, f) || generatorFunctionUsedAsValue(p, f) || closedByEveryCaller(p, f), true
					}
					if passed {
						return false
					}
					p.Report(n, "`yield` inside a `with` block of async generator `"+f.Name+"`: cleanup may be delayed until the generator is "+
						"garbage-collected; use `@asynccontextmanager` or have callers wrap it in `contextlib.aclosing()`")
					break
				}
			}
			return true
		})
	}
}

// libraryClosedGenerator reports whether the method f overrides a method of
// a library base class that the library calls itself and whose generator
// it always closes when its call ends (pylib.ClosedGeneratorMethods:
// httpx.Auth's async_auth_flow, closed by `finally: await
// auth_flow.aclose()` in httpx's client). A nested function of that name
// is not one.
func libraryClosedGenerator(p *Pass, f *analysis.Function) bool {
	if f.Class == nil || f.Parent != nil || p.Project == nil {
		return false
	}
	for _, r := range pylib.ClosedGeneratorMethodsNamed(f.Name) {
		if p.Project.LibraryBaseWhere(f.Class, r.Covers) != nil {
			return true
		}
	}
	return false
}

// passedByName reports whether the generator function f is passed by name
// as an argument of a call in its module (`timed(one_query)`) or returned by
// name (`return provide_service`, a factory's product): whoever receives the
// function makes and consumes its generators, and manages their lifetime (a
// framework's dependency injection enters them in its exit stack).
func passedByName(m *analysis.Module, f *analysis.Function) bool {
	found := false
	m.File.Root.Walk(func(n *analysis.Node) bool {
		if found {
			return false
		}
		if n.Type() == "identifier" && n.Parent() != nil &&
			(n.Parent().Type() == "argument_list" || n.Parent().Type() == "return_statement") && m.File.Text(n) == f.Name &&
			m.Resolve(n).Func == f {
			found = true
		}
		return true
	})
	return found
}

// generatorFunctionUsedAsValue reports whether the generator function f is
// handed to a call or returned (analysis.HandedValueKey) in any module of
// the project (or of its module, without a project), through the project's
// index of what each module's uses resolve to; a use that only keeps it
// under another name (`watch = watch_rows`, then `async for r in watch()`)
// or reads its attributes hands it to nobody: `Depends(get_db_session)` in a router module
// hands the function to FastAPI, which enters each generator it makes in the
// request's exit stack and closes it when the request ends (tenebrinet's
// get_db_session, defined in core/database.py and named by the routes of
// api/routes/, on corpus34). Whoever receives the function makes and drives
// its generators, as passedByName says of a use in f's own module.
//
// Only the keys of f's own qualified names count: not a bare name bound
// nowhere ("*.f") nor an attribute of an unresolved object (".m"), which
// any same-named function or method would answer (zarr's `list` and sdbus's
// `catch` methods, reported and judged true, are named as values by code
// that means something else); and only for a module-level function, which
// is what a framework is handed by name.
func generatorFunctionUsedAsValue(p *Pass, f *analysis.Function) bool {
	if f.Class != nil || f.Parent != nil {
		return false
	}
	for _, key := range f.ValueKeys() {
		if strings.HasPrefix(key, "*.") || strings.HasPrefix(key, ".") {
			continue
		}
		key = analysis.HandedValueKey(key)
		if p.Project == nil && p.Module.UsesAsValue(key) || p.Project != nil && p.projectUsesAsValue(key) {
			return true
		}
	}
	return false
}

// managedByDecorator reports whether a decorator of the async generator f
// is a function or class that is not known to be transparent and has a
// body: it receives the generator function and manages the generators it
// makes (aiostream's @operator opens each in a stream context, a benchmark
// harness calls aclose()).
func managedByDecorator(p *Pass, f *analysis.Function) bool {
	for _, e := range f.DecoratorCallees() {
		r := f.Module().Resolve(e)
		if r.Name != "" && pylib.Is(r.Name, pylib.TransparentDecorator) {
			continue
		}
		fn, cls := r.Func, r.Class
		if fn == nil && cls == nil && p.Project != nil && r.Name != "" {
			s := p.Project.Lookup(r.Name)
			fn, cls = s.Func, s.Class
		}
		switch {
		case cls != nil:
			return true
		case fn != nil:
			if !emptyBody(fn.Node) {
				return true
			}
		// (builtins is the language itself, not a library table's business.)
		case r.Name != "" && !strings.HasPrefix(r.Name, "builtins."):
			// A library's decorator: it is handed the generator function
			// for a reason (a framework's stream or dependency system).
			return true
		}
	}
	return false
}

// holdsNothing reports whether every context manager of the with statement
// w holds nothing whose release a delayed exit would delay: a known one, or
// a project @contextmanager / @asynccontextmanager whose only code after its
// yield is in except clauses (it translates exceptions).
func holdsNothing(p *Pass, w *analysis.Node) bool {
	var clause *analysis.Node // a child, not a field, of with_statement
	for _, ch := range w.NamedChildren() {
		if ch.Type() == "with_clause" {
			clause = ch
		}
	}
	if clause == nil {
		return false
	}
	items := clause.NamedChildren()
	if len(items) == 0 {
		return false
	}
	calls := callByNode(p.Module)
	for _, item := range items {
		if item.Type() != "with_item" {
			return false
		}
		v := item.ChildByField("value")
		if v != nil && v.Type() == "as_pattern" {
			if named := v.NamedChildren(); len(named) > 0 {
				v = named[0]
			}
		}
		if v == nil || v.Type() != "call" || calls[v] == nil {
			return false
		}
		c := calls[v]
		if c.Callee != "" && pylib.Is(c.Callee, pylib.HoldsNoResource) {
			continue
		}
		if closesAsyncGenerator(p, c, calls) {
			continue
		}
		if p.Project == nil {
			return false
		}
		t := p.Project.Target(c)
		if t == nil || !t.Generator || !(translatesOnly(t) || logsOnlyAfterYield(t)) {
			return false
		}
	}
	return true
}

// yieldCount counts the yields in stmts, nested blocks included.
func yieldCount(stmts []*analysis.Node) int {
	yields := 0
	for _, s := range stmts {
		walkBody(s, func(n *analysis.Node) bool {
			if isYield(n) {
				yields++
			}
			return true
		})
	}
	return yields
}

// translatesOnly reports whether the generator-based context manager f
// runs nothing after its yield except in except clauses: its body ends with
// a try statement without else or finally whose body ends with the only
// yield.
func translatesOnly(f *analysis.Function) bool {
	body := f.Node.ChildByField("body")
	if body == nil {
		return false
	}
	stmts := body.NamedChildren()
	if len(stmts) == 0 || stmts[len(stmts)-1].Type() != "try_statement" {
		return false
	}
	try := stmts[len(stmts)-1]
	if yieldCount(stmts) != 1 {
		return false
	}
	var tryBody *analysis.Node
	for _, ch := range try.NamedChildren() {
		switch ch.Type() {
		case "else_clause", "finally_clause":
			return false
		case "block":
			tryBody = ch
		}
	}
	if tryBody == nil {
		return false
	}
	inner := tryBody.NamedChildren()
	if len(inner) == 0 || inner[len(inner)-1].Type() != "expression_statement" {
		return false
	}
	last := inner[len(inner)-1].NamedChildren()
	return len(last) == 1 && isYield(last[0])
}

// closesAsyncGenerator reports `aclosing(gen(...))`: a context manager
// whose exit only closes the object it is given (contextlib's aclosing, or a
// project copy: `try: yield thing` / `finally: await thing.aclose()`), given
// a fresh async generator. Its exit delays only that generator's own
// cleanup, which is reported where that generator yields inside a with
// block; wrapping an inner generator in aclosing is what this rule advises.
// Given anything else (a stream, a connection), closing it late is a
// resource released late, and is reported.
func closesAsyncGenerator(p *Pass, c *analysis.Call, calls map[*analysis.Node]*analysis.Call) bool {
	closer := c.Callee != "" && pylib.ClosesArgument(c.Callee)
	if !closer && p.Project != nil {
		if t := p.Project.Target(c); t != nil {
			closer = closesParameter(t)
		}
	}
	if !closer {
		return false
	}
	arg := analysis.Unparen(firstArg(c.Node))
	if arg == nil || arg.Type() != "call" || calls[arg] == nil {
		return false
	}
	return makesAsyncGenerator(p, calls[arg])
}

// tryParts splits a try statement into its body and its finally's body
// (nil when absent); handled reports an except or else clause.
func tryParts(try *analysis.Node) (body, final *analysis.Node, handled bool) {
	for _, ch := range try.NamedChildren() {
		switch ch.Type() {
		case "block":
			body = ch
		case "finally_clause":
			final = ch.ChildByField("body")
			if final == nil {
				for _, b := range ch.NamedChildren() {
					if b.Type() == "block" {
						final = b
					}
				}
			}
		case "except_clause", "else_clause":
			handled = true
		}
	}
	return body, final, handled
}

// closesParameter reports a generator-based context manager whose whole
// body is `try: yield param` / `finally: [await] param.aclose()` (or
// `close()`): contextlib.aclosing as projects copy it for older Pythons.
func closesParameter(f *analysis.Function) bool {
	if !f.Generator || len(f.Params) == 0 || !hasDecorator(f.Module(), f, contextManagerDecorators...) {
		return false
	}
	stmts := statements(f.Node.ChildByField("body"))
	for len(stmts) > 0 && isDocstring(stmts[0]) {
		stmts = stmts[1:] // docstring
	}
	if len(stmts) != 1 || stmts[0].Type() != "try_statement" {
		return false
	}
	m, param := f.Module(), f.Params[0]
	tryBody, final, handled := tryParts(stmts[0])
	if handled || tryBody == nil || final == nil {
		return false
	}
	body, fin := statements(tryBody), statements(final)
	if len(body) != 1 || len(fin) != 1 || body[0].Type() != "expression_statement" || fin[0].Type() != "expression_statement" {
		return false
	}
	y := body[0].NamedChildren()
	if len(y) != 1 || !isYield(y[0]) || len(y[0].NamedChildren()) != 1 || m.File.Text(y[0].NamedChildren()[0]) != param {
		return false
	}
	e := fin[0].NamedChildren()
	if len(e) != 1 {
		return false
	}
	call := e[0]
	if call.Type() == "await" && len(call.NamedChildren()) == 1 {
		call = call.NamedChildren()[0]
	}
	if call.Type() != "call" {
		return false
	}
	fn := m.File.Text(call.ChildByField("function"))
	return fn == param+".aclose" || fn == param+".close"
}

// makesAsyncGenerator reports a call that returns a new async generator:
// of an async generator function the project resolves, or of a method whose
// name the module defines only as async generators (`completer.items()`
// where every `items` of the module is one).
func makesAsyncGenerator(p *Pass, c *analysis.Call) bool {
	t := c.Target
	if t == nil && p.Project != nil {
		t = p.Project.Target(c)
	}
	if t != nil {
		return t.Async && t.Generator
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return false
	}
	name := p.File.Text(fn.ChildByField("attribute"))
	found := false
	for _, f := range p.Module.Functions {
		if f.Name != name || f.Class == nil {
			continue
		}
		if !f.Async || !f.Generator {
			return false
		}
		found = true
	}
	return found
}
