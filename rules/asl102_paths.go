package rules

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/asyncls/asyncls/analysis"
)

// Part of ASL102 (asl102.go).
//
// A coroutine stored unconditionally and consumed only inside an `if`
// without an `else` that consumes it too (`c = f(); if x: await c`): on the
// path where the condition is false it is never awaited. Only `if`
// statements are judged; a consumption under a loop, a `try`, a `match` or
// an expression is taken as covering every path (the model does not know
// how often they run).

// uncoveredPath returns, when no consuming use covers every path after the
// assignment, the condition of an `if` whose other path drops the
// coroutine, its line (1-based) and true.
func uncoveredPath(f *analysis.File, assign *analysis.Node, consumedAt []*analysis.Node) (cond string, line int, ok bool) {
	block := assign.Parent()
	for block != nil && block.Type() != "block" && block.Type() != "module" {
		block = block.Parent()
	}
	if block == nil || len(consumedAt) == 0 {
		return "", 0, false
	}
	var open *analysis.Node // the first if statement that leaves a path open
	for _, use := range consumedAt {
		s := outermostCondition(use, block)
		if s == nil {
			return "", 0, false // consumed on every path
		}
		if s.Type() != "if_statement" || coversAllBranches(s, consumedAt) {
			return "", 0, false
		}
		if open == nil || s.Start < open.Start {
			open = s
		}
	}
	c := open.ChildByField("condition")
	if c == nil {
		return "", 0, false
	}
	return f.Text(c), f.Lines.Position(int(open.Start)).Line + 1, true
}

// outermostCondition returns the outermost statement or expression between
// n and block under which n may not run, or nil when n runs whenever block
// reaches it.
func outermostCondition(n, block *analysis.Node) *analysis.Node {
	var out *analysis.Node
	for q := n.Parent(); q != nil && q != block; q = q.Parent() {
		switch q.Type() {
		case "if_statement", "for_statement", "while_statement", "try_statement", "match_statement",
			"conditional_expression", "boolean_operator", "lambda", "function_definition":
			out = q
		}
	}
	return out
}

// coversAllBranches reports whether if statement s has an else and a
// consuming use in its body and in each elif and else branch.
func coversAllBranches(s *analysis.Node, consumedAt []*analysis.Node) bool {
	branches := []*analysis.Node{s.ChildByField("consequence")}
	hasElse := false
	for _, ch := range s.NamedChildren() {
		switch ch.Type() {
		case "elif_clause":
			branches = append(branches, ch)
		case "else_clause":
			branches = append(branches, ch)
			hasElse = true
		}
	}
	if !hasElse {
		return false
	}
	for _, b := range branches {
		covered := false
		for _, use := range consumedAt {
			if b != nil && isAncestor(b, use) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// pathWhy is the message part for a coroutine consumed on one path only.
func pathWhy(where, cond string, line int) string {
	return where + " and awaited only when `" + cond + "` holds (line " + strconv.Itoa(line) +
		"); on the other path it is never awaited"
}

// mentionsName reports whether the condition reads the name itself (`if c
// is not None`, `if asyncio.iscoroutine(c)`): it asks about the coroutine.
func mentionsName(cond, name string) bool {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(cond)
}

// earlyExit returns, when the function can leave between the assignment
// and the first consuming use that runs whenever the assignment's block
// reaches it (`c = f(); if not ok: return; await c`), the line (1-based)
// of the `return` (or of the `break`/`continue` leaving the loop the block
// is in) and true. A statement between them that mentions the name (`if
// x: c.close(); return`, `return c`) is the code's own handling and is not
// judged; nor is an exit by an exception (`raise`), which abandons more than
// the coroutine.
func earlyExit(f *analysis.File, assign *analysis.Node, consumedAt []*analysis.Node, name string) (line int, ok bool) {
	block := assign.Parent()
	stmt := assign
	for block != nil && block.Type() != "block" && block.Type() != "module" {
		stmt, block = block, block.Parent()
	}
	if block == nil {
		return 0, false
	}
	// The first use that runs whenever the block reaches its statement.
	var first *analysis.Node
	for _, use := range consumedAt {
		if outermostCondition(use, block) != nil {
			continue
		}
		s := use
		for s.Parent() != nil && s.Parent() != block {
			s = s.Parent()
		}
		if s.Parent() == block && (first == nil || s.Start < first.Start) {
			first = s
		}
	}
	if first == nil {
		return 0, false
	}
	for _, s := range block.NamedChildren() {
		if s.Start <= stmt.Start || s.Start >= first.Start || s.Type() == "comment" {
			continue
		}
		if mentionsName(f.Text(s), name) {
			continue
		}
		if at := exitIn(s); at != nil {
			return f.Lines.Position(int(at.Start)).Line + 1, true
		}
	}
	return 0, false
}

// exitIn returns a `return` inside compound statement s (not in a def,
// lambda or class nested in it), or a `break`/`continue` in it that is not
// inside a loop of its own, or nil. A simple statement is not judged: a
// bare `return` between the assignment and the use makes the use dead code.
func exitIn(s *analysis.Node) *analysis.Node {
	var found *analysis.Node
	var walk func(n *analysis.Node, inLoop bool)
	walk = func(n *analysis.Node, inLoop bool) {
		if found != nil {
			return
		}
		switch n.Type() {
		case "function_definition", "lambda", "class_definition", "decorated_definition":
			return
		case "return_statement":
			found = n
			return
		case "break_statement", "continue_statement":
			if !inLoop {
				found = n
			}
			return
		case "for_statement", "while_statement":
			inLoop = true
		}
		for _, c := range n.NamedChildren() {
			walk(c, inLoop)
		}
	}
	switch s.Type() {
	case "if_statement", "try_statement", "with_statement", "match_statement":
		walk(s, false)
	case "for_statement", "while_statement":
		walk(s, true) // its own break/continue stay in it; a return leaves
	}
	return found
}

// everyUseInOtherArm reports whether each of uses lies in a branch of an
// `if` statement other than the branch of one of awaited
// (exclusiveBranches).
func everyUseInOtherArm(uses, awaited []*analysis.Node) bool {
	if len(awaited) == 0 {
		return false
	}
	for _, u := range uses {
		if !slices.ContainsFunc(awaited, func(a *analysis.Node) bool { return exclusiveBranches(u, a) }) {
			return false
		}
	}
	return true
}
