package rules

import (
	"regexp"
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
