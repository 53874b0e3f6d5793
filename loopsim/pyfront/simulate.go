package pyfront

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// Options configures Simulate.
type Options struct {
	// Entry names the coroutine function to run; "" picks the coroutine
	// passed to asyncio.run() under `if __name__ == "__main__":`, else main.
	Entry  string
	Config loopsim.Config
	// IsolateOnNameError: when the entry found in the source is a call
	// whose arguments name what only the `if __name__ == "__main__":`
	// block binds (args = parser.parse_args(); asyncio.run(main(args.n))),
	// which the module body does not run, simulate the function on its
	// own with unknown arguments, as --entry NAME does, and say so in an
	// assumption, instead of failing with the NameError.
	IsolateOnNameError bool
	// Project, when set, holds the other modules of the file's project:
	// the simulation follows the program's imports of them (see Project).
	Project Project
}

// LatencyFromStrings converts [tool.asyncls.latency] values ("120ms") to
// seconds, naming the first bad entry.
func LatencyFromStrings(in map[string]string) (map[string]float64, error) {
	out := make(map[string]float64, len(in))
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d, err := ParseDuration(in[k])
		if err != nil {
			return nil, fmt.Errorf("latency for %q: %v", k, err)
		}
		out[k] = d
	}
	return out, nil
}

// Entry is the coroutine call a simulation starts from.
type Entry struct {
	Name string         // display name, e.g. "main()"
	Node *analysis.Node // the call in source, when one was found
	Expr loopsim.Expr
}

// FindEntry picks the entry: an explicit function name, else the argument
// of asyncio.run() in the `if __name__ == "__main__":` block (or at module
// level), else main().
func FindEntry(f *analysis.File, name string) (Entry, error) {
	if name != "" {
		if !definesFunction(f, name) {
			return Entry{}, fmt.Errorf("%s: no function named %q at module level", f.Path, name)
		}
		return Entry{Name: name + "()", Expr: &loopsim.Call{Fn: &loopsim.Name{ID: name}}}, nil
	}
	t := &translator{f: f, latency: map[int]float64{}, used: map[int]bool{}}
	var found *analysis.Node
	var search func(n *analysis.Node, inMain bool)
	search = func(n *analysis.Node, inMain bool) {
		for _, c := range n.NamedChildren() {
			switch c.Type() {
			case "if_statement":
				cond := f.Text(c.ChildByField("condition"))
				if isMainGuard(cond) {
					search(c.ChildByField("consequence"), true)
				}
			case "expression_statement", "block", "try_statement", "with_statement":
				c.Walk(func(k *analysis.Node) bool {
					if found != nil && !inMain {
						return false
					}
					if k.Type() == "call" && isRunCall(f.Text(k.ChildByField("function"))) {
						if args := k.ChildByField("arguments"); args != nil {
							if an := args.NamedChildren(); len(an) >= 1 && an[0].Type() != "keyword_argument" {
								if found == nil || inMain {
									found = an[0]
								}
								return false
							}
						}
					}
					return true
				})
			}
		}
	}
	search(f.Root, false)
	if found != nil {
		return Entry{Name: f.Text(found), Node: found, Expr: t.expr(found)}, nil
	}
	// `if __name__ == "__main__": main()` where a plain main() calls
	// asyncio.run(amain(...)): simulate that function; its asyncio.run runs
	// the loop.
	for _, c := range f.Root.NamedChildren() {
		if c.Type() != "if_statement" || !isMainGuard(f.Text(c.ChildByField("condition"))) {
			continue
		}
		var wrapper *analysis.Node
		c.ChildByField("consequence").Walk(func(k *analysis.Node) bool {
			if wrapper != nil {
				return false
			}
			if k.Type() == "call" && k.ChildByField("function").Type() == "identifier" {
				fn := FunctionNamed(f, f.Text(k.ChildByField("function")))
				if fn != nil && !fn.HasToken("async") && callsRun(f, fn) {
					wrapper = k
				}
			}
			return true
		})
		if wrapper != nil {
			return Entry{Name: f.Text(wrapper), Node: wrapper, Expr: t.expr(wrapper)}, nil
		}
	}
	if definesFunction(f, "main") {
		return Entry{Name: "main()", Expr: &loopsim.Call{Fn: &loopsim.Name{ID: "main"}}}, nil
	}
	msg := "no entry point: no asyncio.run(...) at module level or under `if __name__ == \"__main__\":`, and no function named main; " +
		"name the coroutine function to run with --entry NAME"
	if names := asyncFunctions(f, 6); len(names) > 0 {
		msg += ": " + strings.Join(names, ", ")
	} else {
		msg += " (this module defines no coroutine function)"
	}
	return Entry{}, fmt.Errorf("%s: %s", f.Path, msg)
}

// asyncFunctions lists up to max coroutine functions --entry can name:
// those at module level, then the methods of module-level classes
// (Class.method); "..." ends a longer list.
func asyncFunctions(f *analysis.File, max int) []string {
	var funcs, methods []string
	defs := func(scope *analysis.Node, prefix string) {
		for _, c := range scope.NamedChildren() {
			if c.Type() == "decorated_definition" {
				c = c.ChildByField("definition")
			}
			if c == nil {
				continue
			}
			if c.Type() != "function_definition" || !c.HasToken("async") {
				continue
			}
			if prefix == "" {
				funcs = append(funcs, f.Text(c.ChildByField("name")))
			} else {
				methods = append(methods, prefix+f.Text(c.ChildByField("name")))
			}
		}
	}
	defs(f.Root, "")
	for _, c := range f.Root.NamedChildren() {
		if c.Type() == "decorated_definition" {
			c = c.ChildByField("definition")
		}
		if c != nil && c.Type() == "class_definition" {
			if body := c.ChildByField("body"); body != nil {
				defs(body, f.Text(c.ChildByField("name"))+".")
			}
		}
	}
	out := append(funcs, methods...)
	if len(out) > max {
		out = append(out[:max], "...")
	}
	return out
}

// needsArguments reports a parameter without a default (other than *args
// and **kwargs).
func needsArguments(fn *analysis.Node) bool {
	params := fn.ChildByField("parameters")
	if params == nil {
		return false
	}
	for _, c := range params.NamedChildren() {
		switch c.Type() {
		case "identifier", "typed_parameter":
			if inner := c.NamedChildren(); c.Type() == "typed_parameter" && len(inner) > 0 &&
				(inner[0].Type() == "list_splat_pattern" || inner[0].Type() == "dictionary_splat_pattern") {
				continue
			}
			return true
		}
	}
	return false
}

// callsRun reports an asyncio.run() call in fn's body.
func callsRun(f *analysis.File, fn *analysis.Node) bool {
	found := false
	fn.ChildByField("body").Walk(func(b *analysis.Node) bool {
		if b.Type() == "call" && isRunCall(f.Text(b.ChildByField("function"))) {
			found = true
		}
		return !found
	})
	return found
}

func isMainGuard(cond string) bool {
	switch cond {
	case `__name__ == "__main__"`, `__name__ == '__main__'`, `"__main__" == __name__`, `'__main__' == __name__`:
		return true
	}
	return false
}

// isRunCall reports the source text of a call that runs the program's main
// coroutine. Text shapes as written (a bare `run`, `loop.run_until_complete`),
// matched before anything is resolved, so not pylib records.
func isRunCall(fn string) bool {
	switch fn {
	case "asyncio.run", "run", "loop.run_until_complete", "asyncio.get_event_loop().run_until_complete", "uvloop.run":
		return true
	}
	return false
}

func definesFunction(f *analysis.File, name string) bool {
	for _, c := range f.Root.NamedChildren() {
		if c.Type() == "decorated_definition" {
			c = c.ChildByField("definition")
		}
		if c != nil && c.Type() == "function_definition" && f.Text(c.ChildByField("name")) == name {
			return true
		}
	}
	return false
}

// FunctionNamed finds a module-level function, or a method as "Class.name".
func FunctionNamed(f *analysis.File, name string) *analysis.Node {
	scope := f.Root
	parts := strings.Split(name, ".")
	for i, part := range parts {
		var next *analysis.Node
		for _, c := range scope.NamedChildren() {
			if c.Type() == "decorated_definition" {
				c = c.ChildByField("definition")
			}
			if c == nil || f.Text(c.ChildByField("name")) != part {
				continue
			}
			if i == len(parts)-1 && c.Type() == "function_definition" {
				return c
			}
			if c.Type() == "class_definition" {
				next = c.ChildByField("body")
			}
		}
		if next == nil {
			return nil
		}
		scope = next
	}
	return nil
}

// Simulate translates f and simulates its entry coroutine. An explicit
// entry that needs arguments (or is a method, "Class.method") is simulated
// on its own, as EstimateFunction does.
func Simulate(f *analysis.File, opts Options) (*loopsim.Result, error) {
	if opts.Entry != "" {
		fn := FunctionNamed(f, opts.Entry)
		if fn == nil {
			return nil, fmt.Errorf("%s: no function named %q", f.Path, opts.Entry)
		}
		if !fn.HasToken("async") {
			return nil, fmt.Errorf("%s: entry %s is not a coroutine function (async def)", f.Path, opts.Entry)
		}
		if strings.Contains(opts.Entry, ".") || needsArguments(fn) {
			res, err := EstimateFunction(f, fn, opts)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", f.Path, err)
			}
			res.Entry = opts.Entry + "()"
			return res, nil
		}
	}
	entry, err := FindEntry(f, opts.Entry)
	if err != nil {
		return nil, err
	}
	prog := Translate(f)
	if entry.Node != nil {
		// The statement that runs the entry (a module-level asyncio.run())
		// must not run it once more while the module body executes.
		prog.Body = withoutStatementAt(prog.Body, int(entry.Node.Start))
	}
	prog, cfg := withProject(f, prog, opts, opts.Config)
	res, err := loopsim.Run(prog, entry.Expr, cfg)
	if err != nil {
		if iso := isolateEntry(f, entry, err, opts); iso != nil {
			return iso, nil
		}
		return nil, fmt.Errorf("%s: %v", f.Path, err)
	}
	res.Entry = entry.Name
	if len(f.SyntaxErrors) > 0 {
		res.Assumptions = append(res.Assumptions, loopsim.Assumption{
			Line: f.Lines.Position(int(f.SyntaxErrors[0].Start)).Line + 1,
			Text: "the file has syntax errors; the simulation used the recovered parse",
		})
		res.Confidence *= 0.5
		if res.Finished {
			res.Level = loopsim.LevelOf(res.Confidence)
		}
	}
	return res, nil
}

// withoutStatementAt returns a copy of body in which the innermost simple
// statement containing byte offset off is replaced by pass.
func withoutStatementAt(body []loopsim.Stmt, off int) []loopsim.Stmt {
	i := -1
	for j, st := range body {
		if stmtOffset(st) <= off {
			i = j
		}
	}
	if i < 0 {
		return body
	}
	out := append([]loopsim.Stmt(nil), body...)
	// The block containing off is the one starting last before it.
	blocks := childBlocks(body[i])
	in := -1
	for j, b := range blocks {
		if len(b) > 0 && stmtOffset(b[0]) <= off && (in < 0 || stmtOffset(b[0]) > stmtOffset(blocks[in][0])) {
			in = j
		}
	}
	if in < 0 {
		out[i] = &loopsim.Pass{P: loopsim.StmtPos(body[i])}
		return out
	}
	nbs := append([][]loopsim.Stmt(nil), blocks...)
	nbs[in] = withoutStatementAt(blocks[in], off)
	out[i] = withBlocks(body[i], nbs)
	return out
}

// nameErrorType is the simulated Python exception isolateEntry answers (a
// constant: the grammar test reads `Type != "..."` literals as node types).
const nameErrorType = "NameError"

// isolateEntry simulates the coroutine function an entry call found in
// the source names on its own (Options.IsolateOnNameError), when
// evaluating the call failed with a NameError: its arguments are computed
// where the simulated module body does not go. It returns nil when that
// does not apply.
func isolateEntry(f *analysis.File, entry Entry, runErr error, opts Options) *loopsim.Result {
	var exc *loopsim.Exc
	if !opts.IsolateOnNameError || entry.Node == nil || !errors.As(runErr, &exc) || exc.Type != nameErrorType {
		return nil
	}
	call, ok := entry.Expr.(*loopsim.Call)
	if !ok {
		return nil
	}
	name, ok := call.Fn.(*loopsim.Name)
	if !ok {
		return nil
	}
	fn := FunctionNamed(f, name.ID)
	if fn == nil || !fn.HasToken("async") {
		return nil
	}
	res, err := EstimateFunction(f, fn, opts)
	if err != nil {
		return nil
	}
	line := f.Lines.Position(int(entry.Node.Start)).Line + 1
	res.Assumptions = append([]loopsim.Assumption{{Line: line, Text: fmt.Sprintf(
		"the arguments of %s are computed where the simulation does not go (%s); %s() is simulated on its own, with unknown arguments",
		entry.Name, exc.Msg, name.ID)}}, res.Assumptions...)
	return res
}
