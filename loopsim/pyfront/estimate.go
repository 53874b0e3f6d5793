package pyfront

import (
	"fmt"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/pylib"
)

// The entry name given to a function simulated on its own.
const isolatedEntry = "__asyncls_entry__"

// found is a function located in the IR, with its enclosing class.
type found struct {
	fn    *loopsim.Func
	class string
}

// findFunc locates the IR function defined at byte offset off (the start of
// its function_definition node).
func findFunc(body []loopsim.Stmt, off int, class string) (found, bool) {
	for _, st := range body {
		switch s := st.(type) {
		case *loopsim.FuncDef:
			if s.Func.P.Offset == off {
				return found{s.Func, class}, true
			}
			if r, ok := findFunc(s.Func.Body, off, ""); ok {
				return r, true
			}
		case *loopsim.ClassDef:
			if r, ok := findFunc(s.Body, off, s.Name); ok {
				if r.class == "" {
					r.class = s.Name
				}
				return r, true
			}
		default:
			for _, b := range childBlocks(st) {
				if r, ok := findFunc(b, off, class); ok {
					return r, true
				}
			}
		}
	}
	return found{}, false
}

// childBlocks lists the statement blocks nested in a compound statement.
func childBlocks(st loopsim.Stmt) [][]loopsim.Stmt {
	switch s := st.(type) {
	case *loopsim.If:
		return [][]loopsim.Stmt{s.Body, s.Else}
	case *loopsim.For:
		return [][]loopsim.Stmt{s.Body, s.Else}
	case *loopsim.While:
		return [][]loopsim.Stmt{s.Body, s.Else}
	case *loopsim.With:
		return [][]loopsim.Stmt{s.Body}
	case *loopsim.Try:
		out := [][]loopsim.Stmt{s.Body, s.Else, s.Finally}
		for _, h := range s.Handlers {
			out = append(out, h.Body)
		}
		return out
	}
	return nil
}

// withBlocks returns a shallow copy of a compound statement with its blocks
// replaced (in childBlocks order).
func withBlocks(st loopsim.Stmt, blocks [][]loopsim.Stmt) loopsim.Stmt {
	switch s := st.(type) {
	case *loopsim.If:
		c := *s
		c.Body, c.Else = blocks[0], blocks[1]
		return &c
	case *loopsim.For:
		c := *s
		c.Body, c.Else = blocks[0], blocks[1]
		return &c
	case *loopsim.While:
		c := *s
		c.Body, c.Else = blocks[0], blocks[1]
		return &c
	case *loopsim.With:
		c := *s
		c.Body = blocks[0]
		return &c
	case *loopsim.Try:
		c := *s
		c.Body, c.Else, c.Finally = blocks[0], blocks[1], blocks[2]
		c.Handlers = append([]loopsim.Handler(nil), s.Handlers...)
		for i := range c.Handlers {
			c.Handlers[i].Body = blocks[3+i]
		}
		return &c
	}
	return st
}

const (
	markStart = 1
	markEnd   = 2
)

// markRegion returns a copy of body where the statements starting inside
// [start, end) — consecutive statements of one block — are preceded and
// followed by Mark statements.
func markRegion(body []loopsim.Stmt, start, end int) ([]loopsim.Stmt, bool) {
	first, last := -1, -1
	for i, st := range body {
		o := stmtOffset(st)
		if o >= start && o < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		out := make([]loopsim.Stmt, 0, len(body)+2)
		out = append(out, body[:first]...)
		out = append(out, &loopsim.Mark{ID: markStart})
		out = append(out, body[first:last+1]...)
		out = append(out, &loopsim.Mark{ID: markEnd})
		out = append(out, body[last+1:]...)
		return out, true
	}
	for i, st := range body {
		blocks := childBlocks(st)
		for j, b := range blocks {
			if nb, ok := markRegion(b, start, end); ok {
				nbs := append([][]loopsim.Stmt(nil), blocks...)
				nbs[j] = nb
				out := append([]loopsim.Stmt(nil), body...)
				out[i] = withBlocks(st, nbs)
				return out, true
			}
		}
	}
	return nil, false
}

func stmtOffset(st loopsim.Stmt) int { return loopsim.StmtPos(st).Offset }

// isolate adds an entry function that runs fn alone, with placeholders for
// its arguments, and returns the entry call.
func isolate(shared *loopsim.Program, fd found, body []loopsim.Stmt) (*loopsim.Program, loopsim.Expr) {
	fn := *fd.fn
	fn.Name = isolatedEntry
	fn.Decorators = nil
	fn.Body = body
	// The translated program is shared (see translated): extend a copy.
	prog := *shared
	prog.Body = append(shared.Body[:len(shared.Body):len(shared.Body)], &loopsim.FuncDef{Func: &fn, P: fn.P})
	call := &loopsim.Call{Fn: &loopsim.Name{ID: isolatedEntry}, P: fn.P}
	for i, p := range fn.Params {
		if p.Kind != loopsim.ParamNormal || p.Default != nil {
			continue
		}
		ty := p.Annotation
		if i == 0 && fd.class != "" && ty == nil {
			ty = &loopsim.Name{ID: fd.class}
		}
		call.Args = append(call.Args, loopsim.Arg{Value: &loopsim.Placeholder{Type: ty, Name: p.Name, P: fn.P}})
	}
	return &prog, call
}

// runMarked simulates body as the isolated function fd, every unknown name
// a placeholder, and returns the times its region marks were passed.
func runMarked(f *analysis.File, prog *loopsim.Program, fd found, body []loopsim.Stmt, opts Options) (res *loopsim.Result, starts, ends []loopsim.MarkTime, err error) {
	prog, entry := isolate(prog, fd, body)
	cfg := opts.Config
	cfg.UnknownNames = true
	prog, cfg = withProject(f, prog, opts, cfg)
	res, err = loopsim.Run(prog, entry, cfg)
	if err != nil {
		return nil, nil, nil, err
	}
	nameEntryTask(res, fd.fn.Name)
	return res, res.Marks[markStart], res.Marks[markEnd], nil
}

// Region is the simulated time of a region of a function.
type Region struct {
	// ConcurrentS is the wall time from entering the region to leaving it
	// (summed over repeated executions); SequentialS the latency incurred
	// in between.
	ConcurrentS, SequentialS float64
	// Runs is how many times the region ran (inside loops).
	Runs   int
	Result *loopsim.Result
}

// EstimateRegion simulates the function defined by fnNode on its own and
// times the statements starting in [start, end). ok is false when the
// region never ran in the simulation.
func EstimateRegion(f *analysis.File, fnNode *analysis.Node, start, end int, opts Options) (Region, bool, error) {
	prog := translated(f)
	fd, ok := findFunc(prog.Body, int(fnNode.Start), "")
	if !ok {
		return Region{}, false, fmt.Errorf("%s: no function at offset %d", f.Path, fnNode.Start)
	}
	body, ok := markRegion(fd.fn.Body, start, end)
	if !ok {
		return Region{}, false, nil
	}
	if !fd.fn.Async {
		return Region{}, false, nil
	}
	res, starts, ends, err := runMarked(f, prog, fd, body, opts)
	if err != nil {
		return Region{}, false, err
	}
	if len(starts) == 0 || len(ends) == 0 {
		return Region{Result: res}, false, nil
	}
	r := Region{Result: res, Runs: min(len(starts), len(ends))}
	for i := range min(len(starts), len(ends)) {
		r.ConcurrentS += ends[i].At - starts[i].At
		r.SequentialS += ends[i].Work - starts[i].Work
	}
	return r, true, nil
}

// regionStmts returns the statements starting in [start, end) of one block.
func regionStmts(body []loopsim.Stmt, start, end int) []loopsim.Stmt {
	var out []loopsim.Stmt
	for _, st := range body {
		if o := stmtOffset(st); o >= start && o < end {
			out = append(out, st)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, st := range body {
		for _, b := range childBlocks(st) {
			if r := regionStmts(b, start, end); len(r) > 0 {
				return r
			}
		}
	}
	return nil
}

// estimateAlone times the statements starting in [start, end) of the
// function by themselves, every local name unknown.
func estimateAlone(f *analysis.File, fnNode *analysis.Node, start, end int, opts Options) (Region, bool, error) {
	prog := translated(f)
	fd, ok := findFunc(prog.Body, int(fnNode.Start), "")
	if !ok || !fd.fn.Async {
		return Region{}, false, nil
	}
	stmts := regionStmts(fd.fn.Body, start, end)
	if len(stmts) == 0 {
		return Region{}, false, nil
	}
	body := append([]loopsim.Stmt{&loopsim.Mark{ID: markStart}}, stmts...)
	body = append(body, &loopsim.Mark{ID: markEnd})
	alone := found{fn: &loopsim.Func{Name: fd.fn.Name, Async: true, P: fd.fn.P}}
	res, starts, ends, err := runMarked(f, prog, alone, body, opts)
	if err != nil {
		return Region{}, false, err
	}
	if len(starts) == 0 || len(ends) == 0 {
		return Region{Result: res}, false, nil
	}
	res.Assumptions = append(res.Assumptions, loopsim.Assumption{Line: loopsim.StmtPos(stmts[0]).Line,
		Text: "timed on its own: the code before it in " + fd.fn.Name + " did not reach it when simulated"})
	return Region{ConcurrentS: ends[0].At - starts[0].At, SequentialS: ends[0].Work - starts[0].Work, Runs: 1, Result: res}, true, nil
}

// EstimateFunction simulates the coroutine function defined by fnNode on
// its own: parameters take their defaults, or placeholders (instances of
// their annotated types where known).
func EstimateFunction(f *analysis.File, fnNode *analysis.Node, opts Options) (*loopsim.Result, error) {
	prog := translated(f)
	fd, ok := findFunc(prog.Body, int(fnNode.Start), "")
	if !ok {
		return nil, fmt.Errorf("%s: no function at offset %d", f.Path, fnNode.Start)
	}
	if !fd.fn.Async {
		return nil, fmt.Errorf("%s is not a coroutine function", fd.fn.Name)
	}
	prog, entry := isolate(prog, fd, fd.fn.Body)
	cfg := opts.Config
	cfg.UnknownNames = true
	prog, cfg = withProject(f, prog, opts, cfg)
	res, err := loopsim.Run(prog, entry, cfg)
	if err != nil {
		return nil, err
	}
	res.Entry = fd.fn.Name + "()"
	nameEntryTask(res, fd.fn.Name)
	return res, nil
}

// nameEntryTask gives the task that runs an isolated function the
// function's name instead of the internal entry's, and so does the
// problem that ended its run ("in poll at line 6").
func nameEntryTask(res *loopsim.Result, name string) {
	for _, t := range res.Tasks {
		if t.Name == isolatedEntry {
			t.Name = name
		}
	}
	res.Problem = strings.ReplaceAll(res.Problem, isolatedEntry, name)
}

// Hint is a timing hint for the language server's hover.
type Hint struct {
	// Text is "≈0.30 s concurrently · 0.50 s sequentially".
	Text        string
	ConcurrentS float64
	SequentialS float64
	Confidence  string
	Assumptions []loopsim.Assumption
	// Start and End are the byte range the hint is about.
	Start, End int
}

// Markdown renders the hint with its assumptions for a hover.
func (h Hint) Markdown() string {
	var b strings.Builder
	b.WriteString("**" + h.Text + "** (loopsim, confidence " + h.Confidence + ")")
	if len(h.Assumptions) > 0 {
		b.WriteString("\n\nAssumptions:")
		for _, a := range h.Assumptions {
			if a.Line > 0 {
				fmt.Fprintf(&b, "\n- line %d: %s", a.Line, a.Text)
			} else {
				b.WriteString("\n- " + a.Text)
			}
		}
	}
	return b.String()
}

func hintText(conc, seq float64) string {
	return "≈" + loopsim.FormatSeconds(conc) + " concurrently · " + loopsim.FormatSeconds(seq) + " sequentially"
}

// EstimateAt returns a timing hint for the construct at byteOffset: the
// name of an `async def` (the whole coroutine), an `await` expression, or a
// gather/create_task/TaskGroup/wait call (the statement containing it). ok
// is false elsewhere, or when the code there never runs in the simulation.
func EstimateAt(f *analysis.File, byteOffset int, opts Options) (Hint, bool) {
	place, ok := PlaceAt(f, byteOffset)
	if !ok {
		return Hint{}, false
	}
	return EstimatePlace(f, place, opts)
}

// Place is what a hover at an offset estimates: a whole `async def`
// (hovered on its name) or one statement of a function (around the
// construct hovered). Hovers at different offsets with the same Node and
// Function get the same estimate, so a caller may keep one per place;
// Start and End are the range the hint covers for the offset asked.
type Place struct {
	// Node is the function definition, or the statement simulated.
	Node *analysis.Node
	// Function: the whole coroutine; else the statement in Fn.
	Function   bool
	Fn         *analysis.Node
	Start, End int
}

// PlaceAt returns the place a hover at byteOffset estimates (see
// EstimateAt); ok is false where there is nothing to estimate. It does not
// simulate.
func PlaceAt(f *analysis.File, byteOffset int) (Place, bool) {
	n := nodeAt(f.Root, byteOffset)
	if n == nil {
		return Place{}, false
	}
	if n.Type() == "identifier" && n.Field() == "name" && n.Parent() != nil && n.Parent().Type() == "function_definition" && n.Parent().HasToken("async") {
		return Place{Node: n.Parent(), Function: true, Fn: n.Parent(), Start: int(n.Start), End: int(n.End)}, true
	}
	target := interestingAncestor(f, n)
	if target == nil {
		return Place{}, false
	}
	fn := enclosingFunction(target)
	stmt := enclosingStatement(target)
	if fn == nil || stmt == nil {
		return Place{}, false
	}
	return Place{Node: stmt, Fn: fn, Start: int(target.Start), End: int(target.End)}, true
}

// EstimatePlace simulates place (from PlaceAt on f); the hint covers
// place's range.
func EstimatePlace(f *analysis.File, place Place, opts Options) (Hint, bool) {
	if place.Function {
		res, err := EstimateFunction(f, place.Node, opts)
		if err == nil && res.Budget != "" && res.Budget != loopsim.BudgetCancelled {
			// Say why there is no figure: the function does not end, or
			// not within what a simulation may spend.
			return Hint{Text: "timing unknown: " + res.Problem, Confidence: res.Level, Start: place.Start, End: place.End}, true
		}
		if err != nil || !res.Finished {
			return Hint{}, false
		}
		return Hint{Text: hintText(res.ConcurrentS, res.SequentialS), ConcurrentS: res.ConcurrentS, SequentialS: res.SequentialS,
			Confidence: res.Level, Assumptions: res.Assumptions, Start: place.Start, End: place.End}, true
	}
	fn, stmt := place.Fn, place.Node
	region, ok, err := EstimateRegion(f, fn, int(stmt.Start), int(stmt.Start)+1, opts)
	if err == nil && !ok {
		// The statement did not run when the function was simulated on its
		// own (it sits behind a condition on unknown data): time it alone.
		region, ok, err = estimateAlone(f, fn, int(stmt.Start), int(stmt.Start)+1, opts)
	}
	if err != nil || !ok {
		return Hint{}, false
	}
	text := hintText(region.ConcurrentS, region.SequentialS)
	switch {
	case region.Result.Budget == loopsim.BudgetEndless && region.Runs > 1:
		// In a loop that does not end (Config.EndlessLoopRuns): a total
		// over the runs simulated means nothing, one run does.
		region.ConcurrentS /= float64(region.Runs)
		region.SequentialS /= float64(region.Runs)
		text = hintText(region.ConcurrentS, region.SequentialS) +
			fmt.Sprintf(" per run (the loop around it does not end; the mean of the %d runs simulated)", region.Runs)
	case region.Runs > 1:
		text += fmt.Sprintf(" (in all, over %d runs)", region.Runs)
	}
	return Hint{Text: text, ConcurrentS: region.ConcurrentS, SequentialS: region.SequentialS,
		Confidence: region.Result.Level, Assumptions: region.Result.Assumptions, Start: place.Start, End: place.End}, true
}

// nodeAt returns the smallest node containing off.
func nodeAt(n *analysis.Node, off int) *analysis.Node {
	if n == nil || off < int(n.Start) || off > int(n.End) {
		return nil
	}
	for _, c := range n.Children() {
		if off >= int(c.Start) && off < int(c.End) {
			if d := nodeAt(c, off); d != nil {
				return d
			}
		}
	}
	return n
}

// hintCalls are matched by their last name as written (the front end does
// not resolve imports).
var hintCalls = func() map[string]bool {
	out := map[string]bool{}
	for _, n := range pylib.LastNames(pylib.ConcurrencyHint) {
		out[n] = true
	}
	return out
}()

// interestingAncestor finds the await or concurrency call around n.
func interestingAncestor(f *analysis.File, n *analysis.Node) *analysis.Node {
	for a := n; a != nil; a = a.Parent() {
		switch a.Type() {
		case "await":
			return a
		case "call":
			fn := f.Text(a.ChildByField("function"))
			if i := strings.LastIndexByte(fn, '.'); i >= 0 {
				fn = fn[i+1:]
			}
			if hintCalls[fn] {
				return a
			}
		case "function_definition", "class_definition", "module":
			return nil
		}
	}
	return nil
}

func enclosingFunction(n *analysis.Node) *analysis.Node {
	for a := n.Parent(); a != nil; a = a.Parent() {
		if a.Type() == "function_definition" {
			return a
		}
	}
	return nil
}

// enclosingStatement is the innermost statement around n (a with statement
// for an `async with TaskGroup()` header).
func enclosingStatement(n *analysis.Node) *analysis.Node {
	for a := n; a != nil; a = a.Parent() {
		if strings.HasSuffix(a.Type(), "_statement") || a.Type() == "function_definition" {
			if a.Type() == "function_definition" {
				return nil
			}
			return a
		}
	}
	return nil
}
