package analysis

import (
	"strconv"
	"strings"
	"sync"
)

// Parameter types from the project's calls in other modules: `class
// DgHandler: def __init__(self, nc): self.nc = nc` constructed only as
// `DgHandler(self.nc)` by a module whose `nc` is a nats client gives the
// handler's `self.nc` that type, so `self.nc.publish(...)` in it is a
// coroutine call. callers.go types a parameter from the calls of its own
// module while the module is built; a parameter that leaves untyped, of a
// function other modules may call by name (a module-level function, the
// `__init__` of a module-level class called as `ClassName(...)`, a
// classmethod or staticmethod of one), resolves to a Via path the project
// answers (callerParamVia): the type every call site of the project agrees
// on, by the rule callers.go applies to the module's own calls (every
// call passes the parameter, positionally or by keyword, none with
// *args/**kwargs, and its value has one known type where it is written;
// the function never used as a value anywhere, UsesAsValue). A call site
// is a call whose callee resolves, in its own module, to one of the names
// the function's uses as a value are recorded by (FuncValueKeys): by the
// real callee, not by its last name.
//
// Which modules hold call sites is a question about modules that import
// the function's module, not the other way round: the project records the
// functions it is asked about (RecordCallerQueries: the name a caller's
// text must hold, CallerWord, and the function's module), so that a check
// of part of a project (the scoped check, the cache, the streamed check)
// holds every module that may call the function.

// callerParamVia brackets, at the start of a Via path, a parameter of a
// function of the project: `%pkg.mod.C.__init__%0%nc%`.
const callerParamVia = "%"

// callerVia returns the Via path of f's parameter name at position pos of
// what its callers pass (-1: by keyword only), or "" when other modules
// cannot call f by a name this analysis follows.
func callerVia(f *Function, name string) string {
	if f.Lambda || f.Name == "" || f.Parent != nil || f.module.Name == "" || knownLibrary(f.module.Name) {
		// A copy of a library's code (a module named like one) is called
		// as the library: by every module that uses the library.
		return ""
	}
	static := false
	for _, d := range f.Decorators {
		switch strings.TrimSpace(strings.TrimPrefix(f.module.File.Text(d), "@")) {
		case "staticmethod":
			static = true
		case "classmethod":
		default:
			return ""
		}
	}
	if f.Class != nil {
		if strings.Contains(f.Class.QualName, ".") {
			return "" // a nested class
		}
		if f.Name != "__init__" && len(f.Decorators) == 0 {
			return "" // an instance method: called on instances, not by name
		}
	} else if len(f.Decorators) > 0 {
		return ""
	}
	params := f.Params
	if f.Class != nil && !static {
		if len(params) == 0 {
			return ""
		}
		params = params[1:]
	}
	pos := 0
	for _, p := range params {
		if p == name {
			break
		}
		if paramKind(f, p) == notPositional || pos < 0 {
			pos = -1
			continue
		}
		pos++
	}
	return callerParamVia + f.FullName() + callerParamVia + strconv.Itoa(pos) + callerParamVia + name + callerParamVia
}

// CallerWord returns the word a module's text holds where it may call or
// use f by name: its class's name for `__init__`, else its own.
func CallerWord(f *Function) string {
	if f.Class != nil && f.Name == "__init__" {
		return f.Class.Name
	}
	return f.Name
}

// FuncValueKeys returns the keys a use of f as a value, or a call of it, is
// recorded by (Function.ValueKeys; for `__init__`, its class's).
func FuncValueKeys(f *Function) []string {
	if f.Class == nil || f.Name != "__init__" {
		return f.ValueKeys()
	}
	c := f.Class
	var keys []string
	for _, mod := range append([]string{c.module.Name}, c.module.Aliases...) {
		if mod == "" {
			keys = append(keys, c.QualName)
			continue
		}
		keys = append(keys, mod+"."+c.QualName)
		for i := len(mod) - 1; i > 0; i-- {
			if mod[i] == '.' {
				keys = append(keys, mod[:i]+"."+c.Name)
			}
		}
	}
	return append(keys, "*."+c.Name)
}

// CallerQuery is a question about the callers of a function of the
// project (see RecordCallerQueries).
type CallerQuery struct {
	// Word is what the text of a module that calls the function by name
	// or uses it as a value holds (CallerWord).
	Word string
	// Path is the path of the function's module: the modules that may
	// call it by a name that resolves to it import that module (or a
	// package above it) or are that module.
	Path string
	// ValueKeys holds the UsesAsValue questions the answer asked, with
	// their answers.
	ValueKeys map[string]bool
}

// RecordCallerQueries makes the project call record with each question
// about a function's callers it answers (once per parameter and
// snapshot): a check of part of a project must hold every module that may
// call the function. record must be safe for concurrent use. Call it
// before the first question.
func (p *Project) RecordCallerQueries(record func(CallerQuery)) { p.recordCallers = record }

// callerParam resolves a callerParamVia path: the type the project's call
// sites agree on for the parameter, continued with the rest of the path.
func (p *Project) callerParam(via string, depth int) Ref {
	parts := strings.SplitN(via[len(callerParamVia):], callerParamVia, 4)
	if len(parts) != 4 {
		return Ref{}
	}
	pos, err := strconv.Atoi(parts[1])
	if err != nil {
		return Ref{}
	}
	r := p.callerParamType(parts[0], pos, parts[2])
	if !r.Known() {
		return Ref{}
	}
	return p.continueVia(r, parts[3], depth)
}

// onceRef is one memoised answer of the project (callerParamType,
// attrStoreType), computed once whoever asks first.
type onceRef struct {
	once sync.Once
	ref  Ref
}

// callerParamType is the type every call site of the project gives the
// parameter name (at position pos, -1: keyword only) of the function
// fullName, or Ref{} when they do not agree.
func (p *Project) callerParamType(fullName string, pos int, name string) Ref {
	v, _ := p.callerAnswers.LoadOrStore(fullName+"\x00"+strconv.Itoa(pos)+"\x00"+name, &onceRef{})
	a := v.(*onceRef)
	a.once.Do(func() { a.ref = p.computeCallerParamType(fullName, pos, name) })
	return a.ref
}

func (p *Project) computeCallerParamType(fullName string, pos int, name string) Ref {
	f := p.Lookup(fullName).Func
	if f == nil || f.FullName() != fullName {
		return Ref{}
	}
	word := CallerWord(f)
	asked := map[string]bool{}
	if p.recordCallers != nil {
		defer func() { p.recordCallers(CallerQuery{Word: word, Path: f.module.File.Path, ValueKeys: asked}) }()
	}
	keys := FuncValueKeys(f)
	isKey := make(map[string]bool, len(keys))
	for _, k := range keys {
		isKey[k] = true
	}
	var out Ref
	found := false
	for _, m := range p.callerModules(word) {
		for _, c := range m.callsNamed(word) {
			if k := m.callSiteKey(c, word); k == "" || !isKey[k] && !p.namesFunction(k, f) {
				continue
			}
			if c.hasSplat() {
				return Ref{}
			}
			var arg *Node
			if pos >= 0 {
				arg = c.Positional(pos)
			}
			if arg == nil {
				arg = c.Keyword(name, m.File)
			}
			if arg == nil {
				return Ref{}
			}
			r := m.Resolve(arg)
			if !r.Instance || r.Name == "" || r.Via != "" || found && r.Name != out.Name {
				return Ref{}
			}
			out, found = r, true
		}
	}
	if !found {
		// No call of the project: a library calls it, by its convention
		// for the parameters when it has one (pylib's ParamConventions).
		if t := conventionParamType(f, name); t != "" {
			return Ref{Name: t, Instance: true}
		}
		return Ref{}
	}
	// Used as a value anywhere, it may be called with anything.
	for _, k := range keys {
		used := p.UsesAsValue(k)
		asked[k] = used
		if used {
			return Ref{}
		}
	}
	return out
}

// namesFunction reports whether key, the dotted name a call's callee
// resolves to in its module (callSiteKey), names f through the project's
// imports: a re-export (`from app.api import Handler` where app/api.py
// imports Handler from pkg.handler) calls f as much as a direct import
// does, and leaving it out would type the parameter from the other calls
// alone.
func (p *Project) namesFunction(key string, f *Function) bool {
	if strings.HasPrefix(key, "*.") {
		return false
	}
	s := p.Lookup(key)
	if f.Class != nil && f.Name == "__init__" {
		return s.Class == f.Class
	}
	return s.Func == f
}

// callerModules returns the project's modules with a call, with arguments,
// of a callee whose last name is word.
func (p *Project) callerModules(word string) []*Module {
	return p.callerIndex.modules(p, (*Module).CalledWords, word)
}

// CalledWords returns the last names of the callees of the module's calls
// with arguments, each once (memoised): for a callee bound by an import
// under another name (`from funcs import notify as send`), the imported
// name too (importAliases). The answer to a CallerQuery reads the modules
// whose CalledWords hold its Word (their call sites are resolved in them,
// and what they pass is looked up in what they import) and the function's
// module: a change of a module X may change it when one of those is among
// Project.ImportedBy(X), or when what X contributes to project-wide facts
// changes (CallSiteFacts, UsesAsValue).
func (m *Module) CalledWords() []string {
	aliases := m.importAliases() // not within Memo's function: Memo does not nest
	return m.Memo("calledWords", func() any {
		seen := map[string]bool{}
		var out []string
		for _, c := range m.Calls {
			if len(c.Args()) == 0 {
				continue
			}
			w := calleeLastName(m.File, c.Node)
			for _, w := range []string{w, aliases[w]} {
				if w != "" && !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
		return out
	}).([]string)
}

// importAliases maps each name the module's imports bind to another name
// (`from funcs import notify as send`, in any scope) to the imported last
// name: a call of send may be a call of notify (memoised).
func (m *Module) importAliases() map[string]string {
	return m.Memo("importAliases", func() any {
		var out map[string]string
		for _, sc := range m.scopes {
			for name, b := range sc.Bindings.All() {
				if b.Kind != BindImport || b.Qualified == "" {
					continue
				}
				last := b.Qualified[strings.LastIndexByte(b.Qualified, '.')+1:]
				if last != name {
					if out == nil {
						out = map[string]string{}
					}
					out[name] = last
				}
			}
		}
		return out
	}).(map[string]string)
}

// callsNamed returns the module's calls with arguments whose callee's last
// name is word, or is bound by an import of word under another name.
func (m *Module) callsNamed(word string) []*Call {
	var out []*Call
	aliases := m.importAliases()
	for _, c := range m.Calls {
		if len(c.Args()) == 0 {
			continue
		}
		if w := calleeLastName(m.File, c.Node); w == word || aliases[w] == word {
			out = append(out, c)
		}
	}
	return out
}

// callSiteKey is the value key (see Function.ValueKeys) a call of a callee
// named word is a call of: what the callee resolves to in the module; a
// bare name bound nowhere may be any (`*.word`: a star import's). A method
// called on what the module cannot resolve is no call site of any
// function (""): it is not known to be one, as callers.go's rule takes
// only the calls that resolve to the function; a function called so is
// most often also used as a value (`obj.method` handed on), which
// UsesAsValue answers.
func (m *Module) callSiteKey(c *Call, word string) string {
	// A construction of a class of this module has the __init__ it runs as
	// Target: its key is the class that defines that __init__, as for a
	// construction in another module (FuncValueKeys), so the module's own
	// `Api(session)`, and `SyncApi(session)` of a subclass that inherits
	// Api's __init__, count among the call sites of `Api.__init__`.
	fn := c.Node.ChildByField("function")
	if c.Target != nil && (c.Target.Class == nil || c.Target.Name != "__init__") {
		return c.Target.FullName()
	}
	r := m.Resolve(fn)
	switch {
	case c.Target != nil && (r.Class == nil || r.Instance):
		return c.Target.FullName()
	case c.Target != nil:
		return c.Target.Class.FullName()
	case r.Func != nil:
		return r.Func.FullName()
	case r.Class != nil:
		return r.Class.FullName()
	case r.Name != "" && r.Via == "" && strings.Contains(r.Name, "."):
		return r.Name
	case fn.Type() == "identifier":
		if sc := m.ScopeAt(c.Node); sc != nil {
			if b := sc.Lookup(word); b != nil && b.Kind == BindParam {
				// A call of a parameter calls what its caller passed,
				// not a function by its name: a function handed on as a
				// value is UsesAsValue's question. Counted as "*.word", a
				// check of one file (whose project holds every module
				// with the word) took another module's `check(request)`
				// as a call of its own `check` where the check of the
				// whole project (whose parts hold only the modules that
				// import the function's) did not.
				return ""
			}
		}
		return "*." + word
	}
	return ""
}

// IsParamVia reports a Via path that starts at a parameter the project
// may type: by its callers (callerParamVia) or, for a test's, by a
// conftest.py fixture (conftestFixtureVia); or at an instance attribute
// the project may type from the stores other code makes (attrStoreVia).
// Where the module alone judges a value path as a callee's identity, such
// a value is what it was before the project typed it, of unknown type.
func IsParamVia(via string) bool {
	return strings.HasPrefix(via, callerParamVia) || strings.HasPrefix(via, conftestFixtureVia) ||
		strings.HasPrefix(via, attrStoreVia)
}

// CallSiteFacts describes the module's calls, with arguments, that may be
// call sites of a function of the project (callerParamType): each
// callee's key and the type of each argument, as the module resolves
// them. Two versions of a module with equal facts give every parameter
// the same types (ProjectWideFacts).
func (m *Module) CallSiteFacts() string {
	var b strings.Builder
	for _, c := range m.Calls {
		args := c.Args()
		if len(args) == 0 {
			continue
		}
		word := calleeLastName(m.File, c.Node)
		if word == "" {
			continue
		}
		key := m.callSiteKey(c, word)
		if key == "" || knownLibrary(key) {
			continue
		}
		b.WriteString(key)
		b.WriteString("(")
		for _, a := range args {
			v := a
			if a.Type() == "keyword_argument" {
				b.WriteString(m.File.Text(a.ChildByField("name")))
				b.WriteString("=")
				v = a.ChildByField("value")
			} else if a.Type() == "list_splat" || a.Type() == "dictionary_splat" {
				b.WriteString("*")
			}
			if r := m.Resolve(v); r.Instance && r.Via == "" {
				b.WriteString(r.Name)
			}
			b.WriteString(",")
		}
		b.WriteString(")\n")
	}
	return b.String()
}
