package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// logMethods are the methods of a logging.Logger (and of the loggers that
// copy its interface: structlog, loguru) that write one record.
var logMethods = map[string]bool{
	"debug": true, "info": true, "warning": true, "warn": true, "error": true,
	"exception": true, "critical": true, "fatal": true, "log": true, "trace": true, "success": true,
}

// logsOnlyAfterYield reports whether the generator-based context manager f
// (one yield) runs, after its yield, only statements that write a log
// record or read a clock: its body ends with `try: ... yield` whose
// `finally:` clause (and nothing after the try) does only that, with except
// clauses as in translatesOnly; or its yield is a statement of the body
// followed only by such statements. Delaying its exit delays a log line
// (`Finished ... [0.12 s]`), no resource.
func logsOnlyAfterYield(f *analysis.Function) bool {
	body := f.Node.ChildByField("body")
	if body == nil {
		return false
	}
	stmts := statements(body)
	if yieldCount(stmts) != 1 || len(stmts) == 0 {
		return false
	}
	m := f.Module()
	for i, s := range stmts {
		if s.Type() == "expression_statement" && len(s.NamedChildren()) == 1 && isYield(s.NamedChildren()[0]) {
			return onlyLogs(m, stmts[i+1:])
		}
	}
	last := stmts[len(stmts)-1]
	if last.Type() != "try_statement" {
		return false
	}
	tryBody, final, _ := tryParts(last)
	for _, ch := range last.NamedChildren() {
		if ch.Type() == "else_clause" {
			return false
		}
	}
	inner := statements(tryBody)
	if len(inner) == 0 || inner[len(inner)-1].Type() != "expression_statement" {
		return false
	}
	y := inner[len(inner)-1].NamedChildren()
	if len(y) != 1 || !isYield(y[0]) || final == nil {
		return false // without finally it is translatesOnly's shape
	}
	return onlyLogs(m, statements(final))
}

// onlyLogs reports whether every statement writes a log record
// (`log.info(...)`, `self.logger.debug(...)`: a logMethods method on a
// receiver whose last name has "log" in it) or binds a plain name to a
// clock reading (`end = time.monotonic()`, pylib.ReadsOutsideState), with no other call in its
// arguments.
func onlyLogs(m *analysis.Module, stmts []*analysis.Node) bool {
	for _, s := range stmts {
		if s.Type() != "expression_statement" || len(s.NamedChildren()) != 1 {
			return false
		}
		e := s.NamedChildren()[0]
		switch e.Type() {
		case "assignment":
			left, right := e.ChildByField("left"), e.ChildByField("right")
			if left == nil || left.Type() != "identifier" || right == nil || right.Type() != "call" ||
				!pylib.ReadsOutsideState(m.Resolve(right.ChildByField("function")).Name) {
				return false
			}
		case "call":
			fn := e.ChildByField("function")
			if fn == nil || fn.Type() != "attribute" || !logMethods[m.File.Text(fn.ChildByField("attribute"))] {
				return false
			}
			recv := m.File.Text(fn.ChildByField("object"))
			if !strings.Contains(strings.ToLower(recv[strings.LastIndex(recv, ".")+1:]), "log") {
				return false
			}
			if args := e.ChildByField("arguments"); args != nil && containsCall(args) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
