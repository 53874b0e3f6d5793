package loopsim

import (
	"fmt"
	"github.com/asyncls/asyncls/internal/pyname"
	"strings"
)

// Imports of the program's other project modules (Config.Imports).
//
// A module of the project runs its body once, the first time it is
// imported (import a.b runs a, then a.b, and binds b as an attribute of a,
// as Python does), in a globals frame of its own; the functions it defines
// keep that frame, so calls into it are simulated like the program's own.
// A module imported again while its body runs (an import cycle) is the
// partly run module, as in Python: the cycle ends, and a name it has not
// bound yet is unknown. Imports nested deeper than maxImportDepth are not
// followed. A name the loader does not hold (the standard library, a
// library, a module outside the project) is what it was without a loader:
// a module the simulator models, or an unknown library.

// UserModule is a module of the project, run from its source.
type UserModule struct {
	Name    string
	Package bool
	// Path is the module's file as Positions in it name it ("" for a
	// namespace package, which has none).
	Path    string
	Globals *frame
	running bool // its body is running (a cycle sees it partly run)
}

// maxImportDepth bounds the chain of imports run inside one another.
const maxImportDepth = 64

// modelledRoots are top-level modules the simulator implements itself; a
// project module of the same name does not replace them.
func modelledRoot(name string) bool {
	top, _, _ := strings.Cut(name, ".")
	return knownModules[top]
}

// projectModule returns the project module name, running the bodies of it
// and its parent packages first if they have not run; nil when the
// project (Config.Imports) has no such module.
func (c *ctx) projectModule(name string, p Pos) *UserModule {
	s := c.s
	if s.cfg.Imports == nil || name == "" || modelledRoot(name) {
		return nil
	}
	if m, ok := s.modules[name]; ok {
		return m
	}
	if s.modules == nil {
		s.modules = map[string]*UserModule{}
	}
	parts := strings.Split(name, ".")
	var parent *UserModule
	for i := range parts {
		q := strings.Join(parts[:i+1], ".")
		m, seen := s.modules[q]
		if !seen {
			m = c.runModule(q, p)
			s.modules[q] = m
		}
		if m == nil {
			if seen || i == len(parts)-1 || !s.cfg.Imports.Namespace(q) {
				s.modules[name] = nil
				return nil
			}
			// A directory without __init__.py: a namespace package.
			m = &UserModule{Name: q, Package: true, Globals: newFrame(nil, nil)}
			m.Globals.module = m
			s.modules[q] = m
		}
		if parent != nil {
			parent.Globals.vars[parts[i]] = m
		}
		parent = m
	}
	return parent
}

// runModule runs the body of the project module name; nil when the
// project has none, or the chain of imports is too deep.
func (c *ctx) runModule(name string, p Pos) *UserModule {
	s := c.s
	prog := s.cfg.Imports.Load(name)
	if prog == nil {
		return nil
	}
	if s.importDepth >= maxImportDepth {
		s.assume(p, 0.8, "the import of %s is nested more than %d imports deep and is not followed; its names are unknown", name, maxImportDepth)
		return nil
	}
	m := &UserModule{Name: name, Package: prog.Package, Path: prog.Path, Globals: newFrame(nil, nil), running: true}
	m.Globals.module = m
	m.Globals.vars["__name__"] = name
	s.modules[name] = m // seen by an import cycle while the body runs
	s.importDepth++
	wasModule := s.inModuleBody
	s.inModuleBody = true
	// Like the program's own module body: blocking calls at import time
	// are off the measured clock.
	mc := &ctx{s: s, thread: &threadRun{}, fn: "the module body of " + name}
	_, _, err := mc.execBlock(m.Globals, prog.Body)
	s.inModuleBody = wasModule
	m.running = false
	if err != nil {
		// What ran is kept: the names bound after the error are unknown.
		s.importKeep = true
		s.addAssumption(Pos{File: prog.Path}, 0.7, true, "the module body of %s stopped (%s); the names it binds after that are unknown", name, oneLine(err.Error()))
		s.importKeep = false
	}
	s.importDepth--
	if s.importDepth == 0 && s.importNoted.count > 0 {
		// What the bodies of the modules this import ran could not model
		// is off the measured clock; a name it left unknown is named
		// where it is used.
		n, first := s.importNoted.count, s.importNoted.first
		s.importNoted.count, s.importNoted.first = 0, ""
		s.assume(p, 0.95, "importing %s ran %d step(s) of project modules' bodies that the simulator assumed or does not model (the first: %s); import-time work is off the clock, and a name bound that way is unknown where it is used", name, n, first)
	}
	return m
}

func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// relativeBase resolves the module a relative import (level leading dots,
// then module) names from the module fr runs in; ok is false when that is
// not known (no loader, or more dots than packages).
func (c *ctx) relativeBase(fr *frame, level int, module string) (string, bool) {
	m := fr.globals.module
	if c.s.cfg.Imports == nil || m == nil || m.Name == "" {
		return "", false
	}
	name, ok := pyname.Relative(m.Name, m.Package, level, module)
	return name, ok && name != ""
}

// execImport runs `import module [as alias]` of a project module; false
// when module is not one.
func (c *ctx) execImport(fr *frame, st *Import) bool {
	m := c.projectModule(st.Module, st.P)
	if m == nil {
		return false
	}
	if st.As != "" {
		fr.set(st.As, m)
		return true
	}
	top, _, _ := strings.Cut(st.Module, ".")
	fr.set(top, c.s.modules[top])
	return true
}

// execImportFrom runs `from module import names` of a project module;
// false when module is not one.
func (c *ctx) execImportFrom(fr *frame, st *ImportFrom) bool {
	base := st.Module
	if st.Level > 0 {
		var ok bool
		if base, ok = c.relativeBase(fr, st.Level, st.Module); !ok {
			return false
		}
	}
	m := c.projectModule(base, st.P)
	if m == nil {
		return false
	}
	for _, n := range st.Names {
		if n[0] == "*" {
			c.importStar(fr, m, st.P)
			continue
		}
		if v, ok := m.Globals.vars[n[0]]; ok {
			fr.set(n[1], v)
			continue
		}
		if sub := c.projectModule(base+"."+n[0], st.P); sub != nil {
			fr.set(n[1], sub)
			continue
		}
		why := fmt.Sprintf("%s.%s", base, n[0])
		if m.running {
			// Python raises ImportError (a circular import): the program
			// as written does not run this way.
			c.s.importKeep = true
			c.s.addAssumption(st.P, 0.6, true, "%s is imported while %s is still being imported (an import cycle) and is not bound yet: Python raises ImportError here; it is taken as unknown", why, base)
			c.s.importKeep = false
		} else {
			c.s.assume(st.P, 0.8, "the project module %s binds no %s that the simulation saw; it is unknown", base, n[0])
		}
		fr.set(n[1], &UnknownValue{Why: why})
	}
	return true
}

// importStar binds the public names of m (its __all__, when a list of
// strings, else the names not starting with an underscore).
func (c *ctx) importStar(fr *frame, m *UserModule, p Pos) {
	if all, ok := m.Globals.vars["__all__"].(*List); ok {
		for _, e := range all.Elems {
			name, ok := e.(string)
			if !ok {
				continue
			}
			if v, ok := m.Globals.vars[name]; ok {
				fr.set(name, v)
			} else if sub := c.projectModule(m.Name+"."+name, p); sub != nil {
				fr.set(name, sub)
			}
		}
		return
	}
	for name, v := range m.Globals.vars {
		if !strings.HasPrefix(name, "_") && !strings.Contains(name, ".") {
			fr.set(name, v)
		}
	}
}

// moduleAttr reads name from a project module: a name its body bound, or
// a submodule of the package (imported on first use only when an import
// statement ran it; Python does the same).
func (c *ctx) moduleAttr(m *UserModule, name string, p Pos) (Value, error) {
	if v, ok := m.Globals.vars[name]; ok {
		return v, nil
	}
	if sub, ok := c.s.modules[m.Name+"."+name]; ok && sub != nil {
		return sub, nil
	}
	if m.running {
		c.s.importKeep = true
		c.s.addAssumption(p, 0.6, true, "%s.%s is read while %s is still being imported (an import cycle) and is not bound yet: Python raises AttributeError here; it is taken as unknown", m.Name, name, m.Name)
		c.s.importKeep = false
	} else {
		c.s.assume(p, 0.8, "the project module %s binds no %s that the simulation saw; it is unknown", m.Name, name)
	}
	return &UnknownValue{Why: m.Name + "." + name}, nil
}
