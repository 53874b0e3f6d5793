package analysis

import (
	"bytes"
	"encoding/hex"
	"path/filepath"
	"strings"
)

// pytest gives a test (or fixture) parameter the fixture of that name that
// the nearest scope defines: the test's class, its module, then the
// conftest.py of its directory and of each directory above
// (https://docs.pytest.org/en/stable/reference/fixtures.html, "Fixture
// availability"). The module alone follows the first two
// (fixtureParamType); a conftest.py is another module, so a parameter no
// fixture of the module gives is a Via path (conftestFixtureVia) that the
// project resolves, and the conftest.py files above a module are among
// the modules it may look names up in, as those it imports are
// (ConftestModules: ImportClosure, ImportedBy and lint's import graphs).

// conftestFixtureVia brackets, at the start of a Via path, the fixture a
// parameter of a test or fixture of a module requests by name:
// `!<hex of tests/test_api.py>!client!.post()`: the fixture `client` that
// the conftest.py files above tests/test_api.py define (the module itself
// excluded: its own fixtures were looked at first).
const conftestFixtureVia = "!"

// ConftestFile is the file name of pytest's per-directory fixture modules.
const ConftestFile = "conftest.py"

// MayRequestFixtures reports whether a module's text may hold a pytest
// test or fixture, whose parameters pytest fills from conftest.py
// fixtures: a function named test* or a name holding "fixture". It is a
// text test, so that lint's import graphs, built before parsing, and the
// model agree on which modules depend on their conftest.py files.
func MayRequestFixtures(src []byte) bool {
	return bytes.Contains(src, []byte("def test")) || bytes.Contains(src, []byte("fixture"))
}

// ConftestPaths returns the paths of the conftest.py files pytest would
// read for the module at path, nearest first: one in its directory and in
// each directory above (the module itself excluded).
func ConftestPaths(path string) []string {
	var out []string
	dir := filepath.Dir(path)
	for {
		c := filepath.Join(dir, ConftestFile)
		if c != path {
			out = append(out, c)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return out
		}
		dir = parent
	}
}

// mayRequestFixtures is MayRequestFixtures of m's text, found when m is
// built (resolving asks it, inside Memo computations).
func (m *Module) mayRequestFixtures() bool { return m.requestsFixtures }

// ConftestModules returns the project's conftest.py modules whose fixtures
// m's tests and fixtures may request, nearest first; none unless m's text
// may hold one (MayRequestFixtures).
func (p *Project) ConftestModules(m *Module) []*Module {
	if m == nil || !m.mayRequestFixtures() {
		return nil
	}
	var out []*Module
	for _, c := range ConftestPaths(m.File.Path) {
		if cm := p.byPath[c]; cm != nil && cm != m {
			out = append(out, cm)
		}
	}
	return out
}

// conftestVia is the Via path of the fixture name requested by a test or
// fixture of m that neither its class nor m defines. m is named by its
// path, hex-encoded (no Via marker can appear in it): module names do not
// tell test directories without __init__.py apart (each conftest.py there
// is `conftest`, tests/unit/test_api.py and tests/e2e/test_api.py are both
// `test_api`), and the directory decides which conftest.py files count.
func (m *Module) conftestVia(name string) string {
	if m.File.Path == "" || !m.mayRequestFixtures() {
		return ""
	}
	return conftestFixtureVia + hex.EncodeToString([]byte(m.File.Path)) + conftestFixtureVia + name + conftestFixtureVia
}

// conftestFixture resolves a conftestFixtureVia path: the value of the
// nearest conftest.py fixture of that name (what it returns, or yields),
// then the rest of the path.
func (p *Project) conftestFixture(via string, depth int) Ref {
	parts := strings.SplitN(via[len(conftestFixtureVia):], conftestFixtureVia, 3)
	if len(parts) != 3 {
		return Ref{}
	}
	path, err := hex.DecodeString(parts[0])
	if err != nil {
		return Ref{}
	}
	from := p.byPath[string(path)]
	if from == nil {
		return Ref{}
	}
	for _, c := range p.ConftestModules(from) {
		fx := c.fixtureNamed(nil, parts[1])
		if fx == nil {
			// `from .fixtures import session` in a conftest.py provides the
			// fixture there, nearer than any further up; it is not followed.
			if b := c.Scope.Bindings.Get(parts[1]); b != nil && b.Kind != BindDef {
				return Ref{}
			}
			continue
		}
		r := c.fixtureValue(fx, depth+1)
		if !r.Known() && r.Via != "" {
			r = p.resolveVia(r.Via, depth+1)
		}
		return p.continueVia(r, parts[2], depth)
	}
	return Ref{}
}
