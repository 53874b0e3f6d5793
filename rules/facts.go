package rules

import (
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// A Fact is machinery several rules share: a named result computed from a
// module at most once per Check and read by each rule that lists it in its
// Requires (the model is golang.org/x/tools/go/analysis' Requires and
// Pass.ResultOf). A fact knows nothing of the rules that read it: each rule
// picks what concerns it from the result and words its own message and fix.
type Fact interface {
	FactName() string
	// ReadsOtherModules is true when the result depends on other modules
	// of the project (it follows imports into them): every rule requiring
	// the fact is then CrossFile.
	ReadsOtherModules() bool
}

// fact is a Fact whose result has type T. compute may read the facts it
// builds on (every rule requiring it then lists those too; a cycle would
// deadlock). The result is shared by rules running at once, so they only
// read it (or it guards itself).
type fact[T any] struct {
	name      string
	crossFile bool // see Fact.ReadsOtherModules
	compute   func(*Pass) T
}

func (f *fact[T]) FactName() string { return f.name }

func (f *fact[T]) ReadsOtherModules() bool { return f.crossFile }

// of returns the fact's result for the pass's module. A rule may read only
// the facts it requires: the list is what a reader of the rule's file sees
// of the machinery it depends on, so an unlisted read is a bug.
func (f *fact[T]) of(p *Pass) T {
	if !p.Rule.requires(f) {
		panic("rules: " + p.Rule.Code + " reads fact " + f.name + " but does not list it in Requires")
	}
	if p.shared == nil {
		return f.compute(p)
	}
	cell := p.shared.factCell(f, p.Module)
	cell.once.Do(func() { cell.value = f.compute(p) })
	return cell.value.(T)
}

// requires reports whether f is among the rule's Requires.
func (r *Rule) requires(f Fact) bool {
	for _, q := range r.Requires {
		if q == f {
			return true
		}
	}
	return false
}

// factKey names one fact of one module (a rule may look into another
// module through a pass of its own).
type factKey struct {
	fact   Fact
	module *analysis.Module
}

type factResult struct {
	once  sync.Once
	value any
}

// factCell returns where the result of fact f for module m is kept in this
// Check.
func (s *checkState) factCell(f Fact, m *analysis.Module) *factResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.facts == nil {
		s.facts = map[factKey]*factResult{}
	}
	k := factKey{f, m}
	c := s.facts[k]
	if c == nil {
		c = &factResult{}
		s.facts[k] = c
	}
	return c
}

// Consulted returns the other rules whose being enabled changes what rule
// code reports, as the facts they require say. Tests that run rules one at
// a time enable these too.
func Consulted(code string) []string {
	r := Lookup(code)
	if r == nil {
		return nil
	}
	var out []string
	for _, other := range sorted {
		if other != r && consults(r, other) {
			out = append(out, other.Code)
		}
	}
	return out
}

// consults reports whether what r reports depends on whether other is
// enabled.
func consults(r, other *Rule) bool {
	for _, code := range r.SharesFindingsWith {
		if code == other.Code {
			return true
		}
	}
	// A blocking rule's message carries ASL402's simulated delay, and ASL402
	// leaves to the blocking rules the calls they report.
	if (r == ASL402 || other == ASL402) && r.requires(blockingDelays) && other.requires(blockingDelays) {
		return true
	}
	// Helpers count the calls of an off-by-default blocking family only
	// where its rule is enabled.
	return r.requires(blockingInHelpers) && !other.Default && pylib.BlockingCodes()[other.Code]
}
