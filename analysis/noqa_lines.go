package analysis

// A `# noqa` comment applies, as in flake8, to every physical line of the
// logical line it ends: a simple statement split over several lines, or a
// compound statement's header (`class E(\n    ExceptionGroup\n):  # noqa`,
// where black puts the comment). asyncls reports such a finding on the
// header's first line (where the node starts); the comment users wrote on the
// last line keeps working.

// simpleStatements are the statements whose whole extent is one logical line.
var simpleStatements = map[string]bool{
	"expression_statement": true, "return_statement": true, "raise_statement": true, "assert_statement": true,
	"delete_statement": true, "import_statement": true, "import_from_statement": true, "future_import_statement": true,
	"global_statement": true, "nonlocal_statement": true, "pass_statement": true, "break_statement": true,
	"continue_statement": true, "type_alias_statement": true, "print_statement": true, "exec_statement": true,
	"decorator": true,
}

// compoundStatements are the statements (and clauses) whose header, up to
// the colon before their block, is one logical line.
var compoundStatements = map[string]bool{
	"function_definition": true, "class_definition": true, "if_statement": true, "elif_clause": true,
	"else_clause": true, "for_statement": true, "while_statement": true, "with_statement": true,
	"try_statement": true, "except_clause": true, "except_group_clause": true, "finally_clause": true,
	"match_statement": true, "case_clause": true,
}

// NoQALogicalLines maps each 0-based line of a multi-line logical line that
// holds a noqa comment on another of its lines to the comment's line.
// Lines with a comment of their own are not in the map.
func (m *Module) NoQALogicalLines() map[int]int {
	if len(m.NoQA) == 0 {
		return nil
	}
	var out map[int]int
	m.File.Root.Walk(func(n *Node) bool {
		typ := n.Type()
		if !simpleStatements[typ] && !compoundStatements[typ] {
			return true
		}
		first := m.File.Lines.Position(int(n.Start)).Line
		last := m.File.Lines.Position(int(n.End)).Line
		if compoundStatements[typ] {
			last = m.headerEnd(n, first)
		}
		if first == last {
			return true
		}
		for l := first; l <= last; l++ {
			if _, ok := m.NoQA[l]; !ok {
				continue
			}
			for o := first; o <= last; o++ {
				if _, own := m.NoQA[o]; own {
					continue
				}
				if out == nil {
					out = map[int]int{}
				}
				if _, taken := out[o]; !taken {
					out[o] = l
				}
			}
			break
		}
		return true
	})
	return out
}

// headerEnd is the last line of compound statement n's header: where its
// last part before the first block ends (the colon follows on that line).
func (m *Module) headerEnd(n *Node, first int) int {
	end := first
	for _, ch := range n.Children() {
		if ch.Type() == "block" || ch.Type() == "comment" {
			break
		}
		end = m.File.Lines.Position(int(ch.End)).Line
	}
	return end
}
