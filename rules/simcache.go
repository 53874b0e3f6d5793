package rules

import (
	"container/list"
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// Phase says how the rules that simulate run in a CheckRun.
type Phase int

const (
	// AllRules runs every enabled rule, as Check does (simulating what the
	// cache does not hold).
	AllRules Phase = iota
	// QuickRules runs every enabled rule, but what needs the simulator
	// (ASL401, ASL402, the simulated delay the blocking rules add to their
	// messages) comes only from Run.Simulations: nothing is simulated, and
	// the run is incomplete when something was not cached.
	QuickRules
)

// Run says how CheckRun runs the rules. The zero value is Check.
type Run struct {
	Phase Phase
	// Simulations keeps what the simulator found across checks; nil keeps
	// nothing.
	Simulations *SimulationCache
	// Context is the rules' Pass.Context and bounds the simulator: once it
	// is done, running simulations stop and the parts of the module not
	// simulated yet are skipped. nil: no bound.
	Context context.Context
}

// CheckRun is Check with a phase, a cache of simulator results and a time
// budget. complete is false when findings the simulator would add may be
// missing: parts of the module that QuickRules did not find in the cache,
// or that were skipped once run.Context was done.
func CheckRun(m *analysis.Module, p *analysis.Project, opts *Options, run Run) (diags []Diagnostic, complete bool) {
	diags, _, complete = CheckRunRecorded(m, p, opts, run)
	return diags, complete
}

// CheckRunRecorded is CheckRun that also says what the findings depend on
// beyond the modules m may look names up in, as CheckRecorded does.
func CheckRunRecorded(m *analysis.Module, p *analysis.Project, opts *Options, run Run) (diags []Diagnostic, deps Dependencies, complete bool) {
	st := &simRun{Run: run}
	diags, deps = check(m, p, opts, st)
	return diags, deps, !st.incomplete.Load()
}

// IsSimulatorFinding reports whether d comes from a rule that simulates.
func IsSimulatorFinding(d Diagnostic) bool {
	r := registry[d.Code]
	return r != nil && r.Simulates
}

// simRun is the state of one CheckRun that the simulator rules share.
type simRun struct {
	Run
	incomplete atomic.Bool

	unitsOnce sync.Once
	units     *moduleUnits
	optsOnce  sync.Once
	optsKey   string
}

func (st *simRun) expired() bool { return st.Context != nil && st.Context.Err() != nil }

// outOfTime reports whether the check's time budget (Run.Context) is spent:
// a simulator rule stops simulating then.
func (p *Pass) outOfTime() bool { return p.shared != nil && p.shared.sim.expired() }

// noteSimulation records a simulation that was cancelled (the check's
// budget, or a rule's budget for the whole file): what the unit found then
// depends on the moment and is not cached. One that exceeded its own
// wall-clock budget is cached like any other outcome: simulating it again
// on every edit would take that second each time.
func (p *Pass) noteSimulation(cancelled bool) {
	if cancelled {
		p.cut = true
	}
}

// simulator returns the Simulator of the pass's options. Without one the
// findings the simulator would add are missing: the run is marked
// incomplete (CheckRun) and nil returned.
func (p *Pass) simulator() Simulator {
	if p.Options.Simulator == nil {
		if p.shared != nil {
			p.shared.sim.incomplete.Store(true)
		}
		return nil
	}
	return p.Options.Simulator
}

// context is the pass's Context, never nil.
func (p *Pass) context() context.Context {
	if p.Context == nil {
		return context.Background()
	}
	return p.Context
}

// SimulationCache remembers what the simulator rules found in a part of a
// module (one function for ASL401, the entry point for ASL402), keyed by the
// text of the module-level statements the simulation of that part reads
// (see simUnit) and the rule's options, so that a check after an edit
// simulates only the parts whose text, or whose dependencies' text, the
// edit changed. Findings are stored relative to the statement they are in
// and moved to where that statement is now. Safe for concurrent use; it
// keeps the most recently used entries.
type SimulationCache struct {
	mu      sync.Mutex
	max     int
	entries map[[sha256.Size]byte]*list.Element
	lru     list.List // of *cacheEntry, most recently used first
}

type cacheEntry struct {
	key   [sha256.Size]byte
	value any // []storedFinding (ASL401) or []storedDelay (ASL402 and the blocking rules)
}

// storedFinding is a finding with its byte offsets (and its fix's) relative
// to the start of statement stmt of its unit; positions are recomputed
// when it is replayed.
type storedFinding struct {
	diag  Diagnostic
	stmt  int
	start int
	end   int
	edits []Edit
}

// NewSimulationCache returns a cache of at most maxEntries parts.
func NewSimulationCache(maxEntries int) *SimulationCache {
	return &SimulationCache{max: max(maxEntries, 1), entries: map[[sha256.Size]byte]*list.Element{}}
}

// Len returns the number of parts cached.
func (c *SimulationCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

func (c *SimulationCache) get(key [sha256.Size]byte) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cacheEntry).value, true
}

func (c *SimulationCache) put(key [sha256.Size]byte, value any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok {
		e.Value.(*cacheEntry).value = value
		c.lru.MoveToFront(e)
		return
	}
	c.entries[key] = c.lru.PushFront(&cacheEntry{key: key, value: value})
	for c.lru.Len() > c.max {
		last := c.lru.Back()
		delete(c.entries, last.Value.(*cacheEntry).key)
		c.lru.Remove(last)
	}
}

// simUnit is one part of a module a simulator rule simulates: the
// module-level statements the simulation reads (in file order) and other
// facts it depends on.
type simUnit struct {
	stmts []int  // indexes into moduleUnits.top
	facts string // e.g. where the function sits in its statement
}

// simulate runs compute, which simulates the unit unitOf returns and
// reports what it finds,
// unless the cache knows what it found for the same statements and options
// (then that is reported again, moved to where the statements are now).
// In the QuickRules phase, or once the run's context is done, a unit not
// in the cache is skipped and the run marked incomplete.
func (p *Pass) simulate(unitOf func() (simUnit, bool), compute func()) {
	if p.shared == nil {
		compute()
		return
	}
	st := p.shared.sim
	var key [sha256.Size]byte
	var units *moduleUnits
	var u simUnit
	cache := st.Simulations
	if cache != nil {
		var ok bool
		if u, ok = unitOf(); !ok {
			cache = nil
		}
	}
	if cache != nil {
		units = p.moduleUnits()
		key = units.key(u, p.Rule.Code, p.optionsKey())
		if found, ok := cache.get(key); ok {
			p.replay(units, u, found.([]storedFinding))
			return
		}
	}
	if st.Phase == QuickRules || st.expired() {
		st.incomplete.Store(true)
		return
	}
	before := len(*p.diags)
	p.cut = false
	compute()
	if st.expired() {
		// The budget ran out during the simulation: its findings may be
		// partial, so they are neither reported nor remembered.
		*p.diags = (*p.diags)[:before]
		st.incomplete.Store(true)
		return
	}
	if cache != nil && !p.cut {
		if found, ok := units.storeFindings(u, (*p.diags)[before:]); ok {
			cache.put(key, found)
		}
	}
}

// replay reports stored findings at the current place of their statements.
func (p *Pass) replay(units *moduleUnits, u simUnit, found []storedFinding) {
	for _, f := range found {
		base := int(units.top[u.stmts[f.stmt]].Start)
		d := f.diag
		d.Path = p.File.Path
		d.StartByte, d.EndByte = base+f.start, base+f.end
		d.Start, d.End = p.File.Lines.Position(d.StartByte), p.File.Lines.Position(d.EndByte)
		if f.edits != nil {
			fix := *d.Fix
			fix.Edits = make([]Edit, len(f.edits))
			for i, e := range f.edits {
				fix.Edits[i] = Edit{Start: base + e.Start, End: base + e.End, New: e.New}
			}
			d.Fix = &fix
		}
		*p.diags = append(*p.diags, d)
	}
}

// storeFindings makes findings relative to the statements of u; ok is
// false when one lies outside them or points elsewhere (such a unit is not
// cached).
func (mu *moduleUnits) storeFindings(u simUnit, diags []Diagnostic) ([]storedFinding, bool) {
	out := make([]storedFinding, 0, len(diags))
	for _, d := range diags {
		if len(d.Related) > 0 {
			return nil, false
		}
		k := mu.stmtOf(u, d.StartByte, d.EndByte)
		if k < 0 {
			return nil, false
		}
		n := mu.top[u.stmts[k]]
		base := int(n.Start)
		// The cache outlives the document version: its strings are
		// copies, not views of the version's source (analysis.File.Text
		// shares the source's bytes), so an entry never keeps a whole
		// old source alive.
		f := storedFinding{diag: d, stmt: k, start: d.StartByte - base, end: d.EndByte - base}
		f.diag.Message = strings.Clone(d.Message)
		if d.Fix != nil {
			fix := Fix{Title: strings.Clone(d.Fix.Title), Safe: d.Fix.Safe}
			f.diag.Fix = &fix
			f.edits = make([]Edit, len(d.Fix.Edits))
			for i, e := range d.Fix.Edits {
				if e.Start < int(n.Start) || e.End > int(n.End) {
					return nil, false
				}
				f.edits[i] = Edit{Start: e.Start - base, End: e.End - base, New: strings.Clone(e.New)}
			}
		}
		f.diag.Path, f.diag.StartByte, f.diag.EndByte = "", 0, 0
		f.diag.Start, f.diag.End = analysis.Position{}, analysis.Position{}
		out = append(out, f)
	}
	return out, true
}

// stmtOf returns the index among u's statements of the one holding bytes
// [start, end), or -1.
func (mu *moduleUnits) stmtOf(u simUnit, start, end int) int {
	for i, s := range u.stmts {
		n := mu.top[s]
		if start >= int(n.Start) && end <= int(n.End) {
			return i
		}
	}
	return -1
}

// storedDelay is a blocking call's simulated delay with its offset relative
// to statement stmt of the entry point's unit.
type storedDelay struct {
	stmt, offset int
	delay        blockDelay
}

// cachedDelays is blockingDelays through the cache: the entry point's
// simulation is keyed by what it reads (entryUnit).
func (p *Pass) cachedDelays(sim Simulator) map[int]*blockDelay {
	st := p.shared.sim
	if !sim.HasEntry(p.File) {
		return nil
	}
	var units *moduleUnits
	var u simUnit
	var key [sha256.Size]byte
	cache := st.Simulations
	if cache != nil {
		units, u = p.moduleUnits(), p.entryUnit()
		key = units.key(u, "blocking-delays", p.optionsKey())
		if v, ok := cache.get(key); ok {
			out := map[int]*blockDelay{}
			for _, sd := range v.([]storedDelay) {
				d := sd.delay
				off := int(units.top[u.stmts[sd.stmt]].Start) + sd.offset
				d.first.Offset = off
				out[off] = &d
			}
			return out
		}
	}
	if st.Phase == QuickRules || st.expired() {
		st.incomplete.Store(true)
		return nil
	}
	delays, cut := simulateDelays(p, sim)
	if st.expired() {
		st.incomplete.Store(true)
		return nil
	}
	if cache == nil || cut {
		return delays
	}
	stored := make([]storedDelay, 0, len(delays))
	for off, d := range delays {
		k := units.stmtOf(u, off, off)
		if k < 0 {
			return delays // outside what the key covers: not cached
		}
		stored = append(stored, storedDelay{stmt: k, offset: off - int(units.top[u.stmts[k]].Start), delay: *d})
	}
	cache.put(key, stored)
	return delays
}

// optionsKey is what of the options a simulator rule's findings depend on.
func (p *Pass) optionsKey() string {
	st := p.shared.sim
	st.optsOnce.Do(func() {
		o := p.Options
		sim := ""
		if o.Simulator != nil {
			sim = o.Simulator.Fingerprint()
		}
		st.optsKey = fmt.Sprint(settingsKey(o), "\x00", o.ExtraBlocking, "\x00", o.Severity, "\x00", sim)
	})
	return st.optsKey
}

func (p *Pass) moduleUnits() *moduleUnits {
	st := p.shared.sim
	st.unitsOnce.Do(func() { st.units = newModuleUnits(p.File) })
	return st.units
}

// moduleUnits indexes a module's top-level statements for simulation keys.
//
// The simulator runs the module body (with __name__ not "__main__") and
// then the simulated function, so a simulation reads: the statements that
// run on import with effects (imports, module code with calls, anything
// else that is not a plain definition), and the definitions of the global
// names the simulated code reads, transitively. Of several definitions of
// one name the last counts (the one bound when the function runs).
// Definitions that run nothing on import (def and class statements whose
// decorators are known not to register anything, assignments without
// calls) are read only through their names.
type moduleUnits struct {
	f          *analysis.File
	top        []*analysis.Node
	always     []int          // run on import with possible effects
	guards     []int          // `if __name__ == "__main__":` blocks (the entry point)
	definition map[string]int // name -> last plain definition binding it
	plain      []bool

	mu     sync.Mutex
	names  map[int][]string // identifiers each statement reads, computed on demand
	hashes map[int][sha256.Size]byte
}

func newModuleUnits(f *analysis.File) *moduleUnits {
	mu := &moduleUnits{f: f, definition: map[string]int{}, names: map[int][]string{}, hashes: map[int][sha256.Size]byte{}}
	for _, n := range f.Root.NamedChildren() {
		if n.Type() == "comment" {
			continue
		}
		i := len(mu.top)
		mu.top = append(mu.top, n)
		names, plain := plainDefinition(f, n)
		mu.plain = append(mu.plain, plain)
		switch {
		case plain:
			for _, name := range names {
				mu.definition[name] = i
			}
		case n.Type() == "if_statement" && isMainGuard(f, n):
			mu.guards = append(mu.guards, i)
		default:
			mu.always = append(mu.always, i)
		}
	}
	return mu
}

// isMainGuard reports whether if statement n is `if __name__ ==
// "__main__":` (either quotes, either order, any spacing); a condition
// that also tests something else is not one.
func isMainGuard(f *analysis.File, n *analysis.Node) bool {
	cond := n.ChildByField("condition")
	if cond == nil {
		return false
	}
	t := strings.ReplaceAll(strings.Join(strings.Fields(f.Text(cond)), ""), "'", "\"")
	return t == `__name__=="__main__"` || t == `"__main__"==__name__`
}

// plainDefinition returns the names a top-level statement binds when it is
// a definition that runs nothing on import.
func plainDefinition(f *analysis.File, n *analysis.Node) ([]string, bool) {
	switch n.Type() {
	case "function_definition", "class_definition":
		if name := n.ChildByField("name"); name != nil {
			return []string{f.Text(name)}, true
		}
	case "decorated_definition":
		for _, c := range n.NamedChildren() {
			if c.Type() != "decorator" {
				continue
			}
			d := c.NamedChildren()
			if len(d) != 1 {
				return nil, false
			}
			e := d[0]
			if e.Type() == "call" {
				e = e.ChildByField("function") // @dataclass(frozen=True), @lru_cache(maxsize=4)
			}
			if e == nil || !pylib.Is(f.Text(e), pylib.RunsNothingOnImport) {
				return nil, false
			}
		}
		if def := n.ChildByField("definition"); def != nil {
			return plainDefinition(f, def)
		}
	case "expression_statement":
		named := n.NamedChildren()
		if len(named) != 1 || named[0].Type() != "assignment" || hasCall(named[0]) {
			return nil, false
		}
		var names []string
		for a := named[0]; a != nil && a.Type() == "assignment"; a = a.ChildByField("right") {
			left := a.ChildByField("left")
			if left == nil || left.Type() != "identifier" {
				return nil, false
			}
			names = append(names, f.Text(left))
		}
		return names, true
	}
	return nil, false
}

func hasCall(n *analysis.Node) bool {
	found := false
	n.Walk(func(c *analysis.Node) bool {
		if c.Type() == "call" {
			found = true
		}
		return !found
	})
	return found
}

// stmtNames returns the identifiers statement i reads (every identifier in
// it: a superset).
func (mu *moduleUnits) stmtNames(i int) []string {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	if names, ok := mu.names[i]; ok {
		return names
	}
	seen := map[string]bool{}
	var names []string
	mu.top[i].Walk(func(c *analysis.Node) bool {
		if c.Type() == "identifier" {
			if t := mu.f.Text(c); !seen[t] {
				seen[t] = true
				names = append(names, t)
			}
		}
		return true
	})
	mu.names[i] = names
	return names
}

func (mu *moduleUnits) stmtHash(i int) [sha256.Size]byte {
	mu.mu.Lock()
	defer mu.mu.Unlock()
	h, ok := mu.hashes[i]
	if !ok {
		n := mu.top[i]
		h = sha256.Sum256(mu.f.Src[n.Start:n.End])
		mu.hashes[i] = h
	}
	return h
}

// closure returns the statements a simulation starting from seeds reads:
// the seeds, the statements run on import, and the definitions of every
// name they read, transitively; in file order.
func (mu *moduleUnits) closure(seeds []int) []int {
	in := map[int]bool{}
	queue := append(append([]int(nil), seeds...), mu.always...)
	for len(queue) > 0 {
		i := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if in[i] {
			continue
		}
		in[i] = true
		for _, name := range mu.stmtNames(i) {
			if j, ok := mu.definition[name]; ok && !in[j] {
				queue = append(queue, j)
			}
		}
	}
	out := make([]int, 0, len(in))
	for i := range in {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

// topLevelOf returns the index of the top-level statement containing n.
func (mu *moduleUnits) topLevelOf(n *analysis.Node) int {
	off := int(n.Start)
	i := sort.Search(len(mu.top), func(i int) bool { return int(mu.top[i].End) > off })
	if i < len(mu.top) && int(mu.top[i].Start) <= off {
		return i
	}
	return -1
}

// key hashes what a unit's findings depend on.
func (mu *moduleUnits) key(u simUnit, code, opts string) [sha256.Size]byte {
	h := sha256.New()
	// The statements in file order: where they are in the file does not
	// matter (findings are stored relative to them), their order does.
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00", code, opts, u.facts, len(u.stmts))
	for _, i := range u.stmts {
		sh := mu.stmtHash(i)
		h.Write(sh[:])
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// functionUnit is what simulating function fn on its own reads: its
// top-level statement (fn itself, or the class or function around it), and
// what that reads. facts records where fn sits in it, and which of its
// calls reach other modules of the project (the rule asks).
func (p *Pass) functionUnit(fn *analysis.Function) (simUnit, bool) {
	mu := p.moduleUnits()
	i := mu.topLevelOf(fn.Node)
	if i < 0 {
		return simUnit{}, false
	}
	var facts strings.Builder
	fmt.Fprintf(&facts, "fn@%d", int(fn.Node.Start)-int(mu.top[i].Start))
	for _, c := range fn.Calls {
		if c.Target == nil && c.Callee != "" && p.Project.Target(c) != nil {
			fmt.Fprintf(&facts, ";%s", c.Callee)
		}
	}
	return simUnit{stmts: mu.closure([]int{i}), facts: facts.String()}, true
}

// entryUnit is what simulating the module's entry point reads: the
// `if __name__ == "__main__":` blocks (else the definition of main), and
// what they read.
func (p *Pass) entryUnit() simUnit {
	mu := p.moduleUnits()
	seeds := append([]int(nil), mu.guards...)
	if i, ok := mu.definition["main"]; ok {
		seeds = append(seeds, i)
	}
	return simUnit{stmts: mu.closure(seeds), facts: "entry"}
}
