package analysis

import (
	"path/filepath"
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// fixtureParamType is what pytest passes the untyped parameter name of a
// test or of a fixture f: pytest requests a fixture by naming it as a
// parameter (https://docs.pytest.org/en/stable/how-to/fixtures.html,
// "Requesting fixtures") and passes what the fixture function returns, or
// what it yields when it is a generator; pytest-asyncio awaits an async
// fixture first, so an `async def` fixture gives its awaited return, an
// async generator one its yield (`async with AsyncClient(...) as ac: yield
// ac` gives an AsyncClient). Only for functions pytest calls so: a
// `test*` function or method of a `Test*` class, or a fixture. The
// fixture is the test's class's or module's; one neither defines may be a
// conftest.py's, and the result is then a Via path the project resolves
// (conftestFixtureVia). ok reports that the parameter is a fixture's (its
// value may still be unknown).
func (m *Module) fixtureParamType(f *Function, name string, depth int) (Ref, bool) {
	if f == nil || f.Lambda || f.Parent != nil || depth > maxResolveDepth || paramKind(f, name) != untypedParam {
		return Ref{}, false
	}
	if f.Class != nil && (len(f.Params) == 0 || f.Params[0] == name) {
		return Ref{}, false // self (or cls)
	}
	if !pytestCollects(f) && (len(f.Decorators) == 0 || !m.isFixture(f)) { // the name first: it is cheap
		return Ref{}, false
	}
	if m.parametrizes(f, name) {
		return Ref{}, false // `@pytest.mark.parametrize("client", ...)` overrides the fixture
	}
	if m.patchedParam(f, name) {
		return Ref{}, false // `@mock.patch(...)` passes its mock there
	}
	fx := m.fixtureNamed(f, name)
	if fx == nil {
		// Perhaps a conftest.py's fixture: the project says, unless the
		// module binds the name itself (`from .fixtures import client`:
		// an imported fixture overrides the conftest.py's) or is no test
		// module (a `test_connection(client)` of the package's own code).
		if b := m.Scope.Bindings.Get(name); b != nil && b.Kind != BindDef || !isTestModulePath(m.File.Path) {
			return Ref{}, false
		}
		// A test class with a base: a base test class may define the
		// fixture (`class TestUsers(BaseAPITest)`), and a
		// unittest.TestCase's methods take no fixtures.
		if f.Class != nil && hasBase(f.Class) {
			return Ref{}, false
		}
		if via := m.conftestVia(name); via != "" {
			return Ref{Via: via}, true
		}
		return Ref{}, false
	}
	return m.fixtureValue(fx, depth+1), true
}

// fixtureValue is what pytest passes for the fixture fx of m: what it
// returns, or what it yields when it is a generator.
func (m *Module) fixtureValue(fx *Function, depth int) Ref {
	if fx.Generator {
		if rt := Unparen(fx.Node.ChildByField("return_type")); rt != nil {
			return m.yieldAnnotation(rt, depth)
		}
		return fx.yieldedType(depth)
	}
	return fx.returnType(depth)
}

// pytestCollects reports a function pytest runs as a test by its default
// naming rules (python_functions = "test*", python_classes = "Test*").
func pytestCollects(f *Function) bool {
	if !strings.HasPrefix(f.Name, "test") {
		return false
	}
	return f.Class == nil || strings.HasPrefix(f.Class.Name, "Test")
}

// isFixture reports a function decorated as a pytest fixture
// (`@pytest.fixture`, `@pytest.fixture(scope=...)`, pytest-asyncio's
// `@pytest_asyncio.fixture`).
func (m *Module) isFixture(f *Function) bool {
	_, ok := m.fixtureName(f)
	return ok
}

// fixtureName is the name pytest knows the fixture f by: its `name=`
// argument, else the function's name. ok reports that f is a fixture.
func (m *Module) fixtureName(f *Function) (string, bool) {
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		e := Unparen(expr[0])
		call := (*Node)(nil)
		if e != nil && e.Type() == "call" {
			call, e = e, e.ChildByField("function")
		}
		if !pylib.PytestFixtureDecorators[m.Resolve(e).Name] {
			continue
		}
		if call != nil {
			if args := call.ChildByField("arguments"); args != nil {
				for _, a := range args.NamedChildren() {
					if a.Type() == "keyword_argument" && m.File.Text(a.ChildByField("name")) == "name" {
						v := Unparen(a.ChildByField("value"))
						if v == nil || v.Type() != "string" {
							return "", false // a name pytest knows and we cannot read
						}
						return strings.Trim(m.File.Text(v), `"'`), true
					}
				}
			}
		}
		return f.Name, true
	}
	return "", false
}

// fixtureNamed is the fixture pytest gives f's parameter name from f's
// class or module: the class's own fixture first (it overrides the
// module's), nil when neither defines one (f nil: the module's). A
// fixture that requests its own name asks for an outer one (a
// conftest's: conftestVia).
func (m *Module) fixtureNamed(f *Function, name string) *Function {
	var inClass, inModule *Function
	for _, g := range m.Functions {
		if g == f || g.Parent != nil || g.Lambda {
			continue
		}
		if n, ok := m.fixtureName(g); !ok || n != name {
			continue
		}
		switch {
		case g.Class == nil:
			inModule = g
		case f != nil && f.Class != nil && g.Class == f.Class:
			inClass = g
		}
	}
	if inClass != nil {
		return inClass
	}
	return inModule
}

// parametrizes reports a `@pytest.mark.parametrize("a, name", ...)` on f or
// on its class that names name: pytest then passes the parameter the listed
// values, not the fixture of that name.
func (m *Module) parametrizes(f *Function, name string) bool {
	decorators := f.Decorators
	if f.Class != nil {
		if d := f.Class.Node.Parent(); d != nil && d.Type() == "decorated_definition" {
			for _, c := range d.NamedChildren() {
				if c.Type() == "decorator" {
					decorators = append(decorators[:len(decorators):len(decorators)], c)
				}
			}
		}
	}
	for _, d := range decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		call := Unparen(expr[0])
		if call == nil || call.Type() != "call" || !strings.HasSuffix(m.File.Text(call.ChildByField("function")), "parametrize") {
			continue
		}
		args := call.ChildByField("arguments")
		if args == nil {
			continue
		}
		named := args.NamedChildren()
		if len(named) == 0 {
			continue
		}
		first := Unparen(named[0])
		if first != nil && first.Type() == "keyword_argument" {
			first = Unparen(first.ChildByField("value"))
		}
		if first == nil {
			continue
		}
		var names []string
		switch first.Type() {
		case "string":
			names = strings.Split(strings.Trim(m.File.Text(first), `"'`), ",")
		case "list", "tuple":
			for _, e := range first.NamedChildren() {
				names = append(names, strings.Trim(m.File.Text(e), `"'`))
			}
		default:
			return true // names we cannot read: any parameter may be one
		}
		for _, n := range names {
			if strings.TrimSpace(n) == name {
				return true
			}
		}
	}
	return false
}

// isTestModulePath reports a file pytest collects tests from by its
// default python_files ("test_*.py", "*_test.py") or a conftest.py: the
// modules whose tests and fixtures pytest gives conftest.py fixtures. A
// `test*` function elsewhere is the package's own code, called with
// arguments.
func isTestModulePath(path string) bool {
	base := filepath.Base(path)
	return base == ConftestFile || strings.HasSuffix(base, ".py") &&
		(strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py"))
}

// patchedParam reports a parameter of f that a `@mock.patch(...)` /
// `@patch.object(...)` decorator fills with its mock: each such decorator
// passes one (unless given `new`, which is counted all the same: a
// parameter left unknown), the bottom decorator's first, into the leading
// parameters (after self), which pytest then does not take for fixtures.
func (m *Module) patchedParam(f *Function, name string) bool {
	patches := 0
	for _, d := range f.Decorators {
		expr := d.NamedChildren()
		if len(expr) == 0 {
			continue
		}
		call := Unparen(expr[0])
		if call == nil || call.Type() != "call" {
			continue
		}
		if !pylib.MockPatchDecorators[m.Resolve(call.ChildByField("function")).Name] {
			continue
		}
		patches++
	}
	if patches == 0 {
		return false
	}
	params := f.Params
	if f.Class != nil && len(params) > 0 {
		params = params[1:]
	}
	for i := 0; i < patches && i < len(params); i++ {
		if params[i] == name {
			return true
		}
	}
	return false
}

// hasBase reports a class with a base class in its list (not only keyword
// arguments such as `metaclass=`).
func hasBase(c *Class) bool {
	for _, b := range c.Bases {
		if b.Type() != "keyword_argument" {
			return true
		}
	}
	return false
}
