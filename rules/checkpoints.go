package rules

import (
	"math/big"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// The checkpoint dataflow of ASYNC910-913 is a library the rules call, not a
// Fact: a fact is one result per module that several rules read, but these
// rules ask different questions of different code (910: the exits of a
// function; 911: the yields and exits of a generator; 912: the body of a
// timeout context; 913: one round of an endless loop), so there is nothing
// to compute once and share. Each rule's file builds a cpFlow for its
// question and filters nothing. The fields are Python's semantics, not rule
// switches: in a generator a yield needs a checkpoint before it and starts a
// new step (gen); for a loop's progress a yield hands control to the
// consumer (yieldSuspends); report receives the returns and yields reached
// with no checkpoint. Nothing here knows the rule codes.

// cpFlow computes, statement by statement, whether a checkpoint (await,
// async for, async with) is guaranteed to have happened on every path since
// a reference point: the function's start, or (in generators) the last
// yield.
type cpFlow struct {
	m *analysis.Module
	// gen: yields need a checkpoint before them and reset the state.
	gen bool
	// yieldSuspends: a yield hands control to the consumer, so a loop with
	// one cannot spin forever on its own.
	yieldSuspends bool
	// report is called for returns and yields reached without a checkpoint;
	// nil during the silent passes that compute loop states.
	report func(n *analysis.Node)
	loops  []*loopState
	// suppressors: patterns of more context managers that may swallow an
	// exception of their body (a setting).
	suppressors []string
}

type loopState struct {
	breaks, continues []bool
}

func and(a ...bool) bool {
	for _, x := range a {
		if !x {
			return false
		}
	}
	return true
}

// block runs stmts from state cp and returns the state at the end and
// whether the end is reachable.
func (fl *cpFlow) block(stmts []*analysis.Node, cp bool) (bool, bool) {
	for _, s := range stmts {
		var reach bool
		cp, reach = fl.stmt(s, cp)
		if !reach {
			return cp, false
		}
	}
	return cp, true
}

func (fl *cpFlow) silent() *cpFlow {
	return &cpFlow{m: fl.m, gen: fl.gen, yieldSuspends: fl.yieldSuspends, suppressors: fl.suppressors}
}

func (fl *cpFlow) stmt(s *analysis.Node, cp bool) (bool, bool) {
	switch s.Type() {
	case "function_definition", "class_definition", "decorated_definition":
		// The body runs later, but the decorators, the parameters' default
		// values and the class's bases are evaluated here, in this scope.
		return fl.definition(s, cp), true
	case "return_statement":
		cp = fl.exprs(s, cp)
		if !cp && fl.report != nil {
			fl.report(s)
		}
		return cp, false
	case "raise_statement":
		return fl.exprs(s, cp), false
	case "break_statement", "continue_statement":
		if n := len(fl.loops); n > 0 {
			l := fl.loops[n-1]
			if s.Type() == "break_statement" {
				l.breaks = append(l.breaks, cp)
			} else {
				l.continues = append(l.continues, cp)
			}
		}
		return cp, false
	case "if_statement":
		cp = fl.expr(s.ChildByField("condition"), cp)
		out, reach := fl.block(statements(s.ChildByField("consequence")), cp)
		outs := []bool{}
		if reach {
			outs = append(outs, out)
		}
		hasElse := false
		for _, alt := range s.ChildrenByField("alternative") {
			var o bool
			var r bool
			if alt.Type() == "else_clause" {
				hasElse = true
				o, r = fl.block(statements(alt.ChildByField("body")), cp)
			} else {
				c := fl.expr(alt.ChildByField("condition"), cp)
				o, r = fl.block(statements(alt.ChildByField("consequence")), c)
			}
			if r {
				outs = append(outs, o)
			}
		}
		if !hasElse {
			outs = append(outs, cp)
		}
		return and(outs...), len(outs) > 0
	case "while_statement":
		return fl.loop(s, cp, false)
	case "for_statement":
		return fl.loop(s, cp, isAsyncStmt(s))
	case "try_statement":
		return fl.try(s, cp)
	case "with_statement":
		exprs, _ := withItems(s)
		for _, e := range exprs {
			cp = fl.expr(e, cp)
		}
		async := isAsyncStmt(s)
		if async {
			cp = true
		}
		entry := cp
		out, reach := fl.block(statements(s.ChildByField("body")), cp)
		if async {
			out = true
		} else if suppressesExceptions(fl.m, exprs, fl.suppressors) {
			// contextlib.suppress(...) may end the body at any point, before
			// its checkpoint, and carry on after the with statement.
			out, reach = and(out, entry), true
		}
		return out, reach || s.ChildByField("body") == nil
	case "match_statement":
		// The cases are tried in order from the state after the subject. A
		// case's guard runs only when its pattern matches, before its body;
		// when the guard is false the next case is tried, so a checkpoint in
		// the guard of a pattern that matches everything (`case _ if await
		// ready():`) has happened on the way to every later case and past the
		// match. After a refutable pattern's guard the next case is reached
		// both ways, the guard run or not (which matters for a yield in it).
		// Patterns themselves never await.
		cp = fl.expr(s.ChildByField("subject"), cp)
		var outs []bool
		next, exhaustive := cp, false
		if body := s.ChildByField("body"); body != nil {
			for _, c := range body.ChildrenByField("alternative") {
				if exhaustive {
					break
				}
				entry := next
				guard := c.ChildByField("guard")
				if guard != nil {
					entry = fl.expr(guard, next)
				}
				if o, r := fl.block(statements(c.ChildByField("consequence")), entry); r {
					outs = append(outs, o)
				}
				switch {
				case guard == nil:
					exhaustive = irrefutablePattern(fl.m, c)
				case irrefutablePattern(fl.m, c):
					next = entry
				default:
					// The next case is tried without the guard (the pattern
					// failed) or after it (false): after a yield in the
					// guard, no checkpoint holds.
					next = and(next, entry)
				}
			}
		}
		if !exhaustive {
			outs = append(outs, next)
		}
		return and(outs...), len(outs) > 0
	}
	return fl.exprs(s, cp), true
}

// exprs evaluates the named children of a simple statement in order.
func (fl *cpFlow) exprs(s *analysis.Node, cp bool) bool {
	for _, c := range s.NamedChildren() {
		cp = fl.expr(c, cp)
	}
	return cp
}

// expr returns the state after evaluating n; only parts that always run count.
func (fl *cpFlow) expr(n *analysis.Node, cp bool) bool {
	if n == nil {
		return cp
	}
	switch n.Type() {
	case "lambda", "function_definition", "class_definition":
		return cp
	case "await":
		fl.exprs(n, cp)
		return true
	case "yield":
		cp = fl.exprs(n, cp)
		if fl.gen {
			if !cp && fl.report != nil {
				fl.report(n)
			}
			return false
		}
		return cp || fl.yieldSuspends
	case "boolean_operator":
		// The right operand may not run; when it does, it may also end with
		// a yield that needs a checkpoint after it.
		left := fl.expr(n.ChildByField("left"), cp)
		return and(left, fl.expr(n.ChildByField("right"), left))
	case "conditional_expression":
		named := n.NamedChildren()
		if len(named) != 3 {
			return cp
		}
		c := fl.expr(named[1], cp)
		return and(fl.expr(named[0], c), fl.expr(named[2], c))
	case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression":
		// Clauses run in order while every loop so far surely has an
		// iteration (a non-empty literal) and no condition came before: the
		// first iterable always, then the next clause, and with all loops sure
		// and no condition, the element. An async loop reached awaits at
		// least once. A generator expression only evaluates its first
		// iterable.
		named := n.NamedChildren()
		sure := true
		for _, c := range named[1:] {
			if !sure {
				break
			}
			switch c.Type() {
			case "for_in_clause":
				cp = fl.expr(c.ChildByField("right"), cp)
				if n.Type() == "generator_expression" {
					return cp
				}
				if isAsyncStmt(c) {
					cp = true
					sure = false
				} else {
					sure = nonEmptyIterable(fl.m, c.ChildByField("right"))
				}
			case "if_clause":
				if cond := c.NamedChildren(); len(cond) > 0 {
					cp = fl.expr(cond[0], cp)
				}
				sure = false
			}
		}
		if sure && len(named) > 1 {
			cp = fl.expr(named[0], cp)
		}
		return cp
	}
	for _, c := range n.Children() {
		if c.Named() {
			cp = fl.expr(c, cp)
		}
	}
	return cp
}

// definition returns the state after a def or class statement: its
// decorators, parameter defaults and bases run now (the body does not).
func (fl *cpFlow) definition(s *analysis.Node, cp bool) bool {
	if s.Type() == "decorated_definition" {
		for _, d := range s.NamedChildren() {
			if d.Type() == "decorator" {
				cp = fl.exprs(d, cp)
			}
		}
		s = s.ChildByField("definition")
		if s == nil {
			return cp
		}
	}
	switch s.Type() {
	case "function_definition":
		if params := s.ChildByField("parameters"); params != nil {
			for _, p := range params.NamedChildren() {
				cp = fl.expr(p.ChildByField("value"), cp)
			}
		}
	case "class_definition":
		cp = fl.expr(s.ChildByField("superclasses"), cp)
	}
	return cp
}

// suppressesExceptions reports a with statement item that swallows
// exceptions raised in its body (pylib.SuppressesExceptions:
// contextlib.suppress), or a call matching one of the configured patterns.
func suppressesExceptions(m *analysis.Module, items []*analysis.Node, patterns []string) bool {
	for _, e := range items {
		if pylib.Is(calleeOf(m, e), pylib.SuppressesExceptions) {
			return true
		}
		if c := analysis.Unparen(e); len(patterns) > 0 && c != nil && c.Type() == "call" {
			fn := c.ChildByField("function")
			if matchesNamePattern(m.File.Text(fn), patterns) || matchesNamePattern(calleeOf(m, c), patterns) {
				return true
			}
		}
	}
	return false
}

// alwaysTrue reports a loop condition that is a literal no iteration can
// make false: a non-zero number, a non-empty string (True and 1 are
// isInfinite's).
func alwaysTrue(m *analysis.Module, c *analysis.Node) bool {
	c = analysis.Unparen(c)
	if c == nil {
		return false
	}
	switch c.Type() {
	case "integer", "float":
		v, ok := new(big.Float).SetString(strings.ReplaceAll(m.File.Text(c), "_", ""))
		return ok && v.Sign() != 0
	case "string":
		text := m.File.Text(c)
		i := strings.IndexAny(text, "'\"")
		return i >= 0 && !strings.ContainsAny(text[:i], "fF") && nonEmptyIterable(m, c)
	}
	return false
}

func isInfinite(m *analysis.Module, s *analysis.Node) bool {
	if s.Type() != "while_statement" {
		return false
	}
	c := analysis.Unparen(s.ChildByField("condition"))
	return c != nil && (c.Type() == "true" || m.File.Text(c) == "1")
}

// loopBodyState returns the state at the start of a later iteration of a
// loop entered with state entry (computed silently).
func (fl *cpFlow) loopBodyState(s *analysis.Node, entry bool, async bool) bool {
	if async {
		return true
	}
	sil := fl.silent()
	st := &loopState{}
	sil.loops = append(sil.loops, st)
	out, reach := sil.block(statements(s.ChildByField("body")), entry)
	states := append([]bool{}, st.continues...)
	if reach {
		states = append(states, out)
	}
	back := and(states...)
	if s.Type() == "while_statement" {
		back = sil.expr(s.ChildByField("condition"), back)
	}
	return back
}

func (fl *cpFlow) loop(s *analysis.Node, cp bool, async bool) (bool, bool) {
	if s.Type() == "while_statement" {
		cp = fl.expr(s.ChildByField("condition"), cp)
	} else {
		cp = fl.expr(s.ChildByField("right"), cp)
	}
	entry := cp
	if async {
		entry = true
	} else {
		entry = and(cp, fl.loopBodyState(s, cp, false))
	}
	st := &loopState{}
	fl.loops = append(fl.loops, st)
	fl.block(statements(s.ChildByField("body")), entry)
	fl.loops = fl.loops[:len(fl.loops)-1]
	if isInfinite(fl.m, s) {
		if len(st.breaks) == 0 {
			return true, false
		}
		return and(st.breaks...), true
	}
	exit := entry
	if async {
		exit = true
	} else if (s.Type() == "for_statement" && nonEmptyIterable(fl.m, s.ChildByField("right"))) ||
		(s.Type() == "while_statement" && alwaysTrue(fl.m, s.ChildByField("condition"))) {
		// The body runs at least once before the loop ends (a literal
		// condition other than True is read as flake8-async does: entered
		// once, not endless).
		exit = fl.loopBodyState(s, cp, false)
	}
	if alt := s.ChildByField("alternative"); alt != nil {
		var reach bool
		exit, reach = fl.block(statements(alt.ChildByField("body")), exit)
		if !reach && len(st.breaks) == 0 {
			return exit, false
		}
		if !reach {
			return and(st.breaks...), true
		}
	}
	return and(append([]bool{exit}, st.breaks...)...), true
}

func (fl *cpFlow) try(s *analysis.Node, cp bool) (bool, bool) {
	var outs []bool
	// An exception may leave the try body at any point: right at its start,
	// or (in a generator) after a yield that reset the state.
	raised := cp
	if fl.gen && containsYield(s.ChildByField("body")) {
		raised = false
	}
	catchAll := false
	bodyOut, bodyReach := fl.block(statements(s.ChildByField("body")), cp)
	for _, c := range s.Children() {
		if c.Type() == "else_clause" && bodyReach {
			bodyOut, bodyReach = fl.block(statements(c.ChildByField("body")), bodyOut)
		}
	}
	if bodyReach {
		outs = append(outs, bodyOut)
	}
	for _, clause := range exceptClauses(s) {
		typ, _, body := exceptParts(clause)
		if kind, _ := catchesCancellation(fl.m, typ); kind == "broad" {
			catchAll = true
		}
		c := fl.expr(typ, raised)
		if o, r := fl.block(statements(body), c); r {
			outs = append(outs, o)
		}
	}
	out, reach := and(outs...), len(outs) > 0
	for _, c := range s.Children() {
		if c.Type() == "finally_clause" {
			named := c.NamedChildren()
			if len(named) == 0 {
				continue
			}
			entry := out
			if !reach {
				entry = raised
			}
			if !catchAll && reach {
				// The finally block also runs for an exception nothing caught,
				// which then propagates: yields and returns in it are checked
				// from that state, but only the normal path continues after it.
				fl.block(statements(named[len(named)-1]), and(out, raised))
				fl = &cpFlow{m: fl.m, gen: fl.gen, yieldSuspends: fl.yieldSuspends, loops: fl.loops, suppressors: fl.suppressors}
			}
			fo, fr := fl.block(statements(named[len(named)-1]), entry)
			if !fr {
				return fo, false
			}
			out = fo
		}
	}
	return out, reach
}

// checkpointExempt reports a function with no checkpoint obligation: not a
// coroutine, a stub (only `pass`, `...` or a docstring), an overload or
// abstract method, a pytest fixture or an @asynccontextmanager (as
// flake8-async skips them).
func checkpointExempt(m *analysis.Module, f *analysis.Function) bool {
	return !f.Async || f.Lambda || emptyBody(f.Node) ||
		hasDecorator(m, f, "overload", "fixture", "yield_fixture", "asynccontextmanager", "abstractmethod")
}

// containsYield reports whether n has a yield outside nested definitions.
func containsYield(n *analysis.Node) bool {
	found := false
	walkBody(n, func(c *analysis.Node) bool {
		found = found || isYield(c)
		return !found
	})
	return found
}
