package analysis

import "strings"

// tree-sitter-python reads `name[...]` in a type position (an annotation,
// a return type) as a generic_type, and its grammar does not let a
// generic_type be an operand of `or`, `and` or a conditional expression:
// `def f(a: list[str] or None = None)`, `x: dict[str, int] or None`,
// `def g() -> list["X"] or "X":` are syntax errors to it. Python takes any
// expression as an annotation (the value of `list[str] or None` is
// `list[str]`; the author means "a list or None"), and `(list[str] or None)`
// parses. So when a parse has syntax errors, each such annotation is
// wrapped in parentheses by the retry of grammarGapRetry, as the bare
// starred tuples are.

// annotationBoolOps returns, for each annotation of f whose generic type is
// followed by `or`, `and` or `if`, the offsets of src before which `(` and
// `)` go: the annotation's start and the end of its expression (before the
// `=`, `,`, `)` or `:` that ends it). Only files with syntax errors are
// looked at by the caller.
func annotationBoolOps(f *File) (pairs [][2]int) {
	src := f.Src
	f.Root.Walk(func(n *Node) bool {
		if n.Type() != "type" {
			return true
		}
		if g := n.FirstChild(); g == nil || g.Type() != "generic_type" {
			return true
		}
		if p := n.Parent(); p != nil && p.Type() == "type_parameter" {
			return false // an element of an enclosing generic: that one is the annotation
		}
		if end := annotationOperatorEnd(src, int(n.End)); end > 0 {
			pairs = append(pairs, [2]int{int(n.Start), end})
		}
		return false
	})
	return pairs
}

// annotationOperatorEnd reports, when the text at i (after a generic type)
// continues with `or`, `and` or `if` as a keyword, where the annotation's
// expression ends: the last byte that is not white space before the first
// `,`, `)`, `]`, `}`, `=` (not part of `==`, `<=`, `>=`, `!=`), `:`, `;`,
// comment or line end outside brackets. It returns 0 otherwise, and when
// the expression holds something the scan does not follow (a lambda, a
// triple-quoted string, a line continuation).
func annotationOperatorEnd(src []byte, i int) int {
	j := i
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	kw := false
	for _, k := range []string{"or", "and", "if"} {
		if e := j + len(k); e < len(src) && string(src[j:e]) == k && !isNameByte(src[e]) {
			kw = true
		}
	}
	if !kw {
		return 0
	}
	depth, last := 0, 0
	limit := min(len(src), i+maxStarredTupleStatement)
	for ; j < limit; j++ {
		c := src[j]
		switch {
		case c == ' ' || c == '\t':
			continue
		case c == '\\' || c == '#' && depth > 0:
			return 0
		case c == '\'' || c == '"':
			if j+2 < len(src) && src[j+1] == c && src[j+2] == c {
				return 0
			}
			j = skipString(src, j) - 1
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return last
			}
			depth--
		case depth > 0:
		case c == '\n' || c == '\r' || c == ',' || c == ':' || c == ';' || c == '#':
			return last
		case c == '=':
			if j+1 < len(src) && src[j+1] == '=' {
				j++
			} else if strings.IndexByte("<>!", src[j-1]) < 0 {
				return last
			}
		case c == 'l' && j+6 <= len(src) && string(src[j:j+6]) == "lambda" && !isNameByte(src[j-1]) &&
			(j+6 == len(src) || !isNameByte(src[j+6])):
			return 0
		}
		last = j + 1
	}
	return 0
}
