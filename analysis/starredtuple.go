package analysis

import (
	"context"
	"sort"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// tree-sitter-python rejects a tuple written without parentheses when one
// of its starred elements has an operand that is not a name, an attribute,
// a subscript or a call: `return v, *(x or y)`, `t = a, *[b]`,
// `yield a, *(b)`. Python accepts them (since 3.8 after return and yield,
// bpo-32117; always after `=`), and the parenthesised tuple `(v, *(x or y))`
// parses. So when a parse has syntax errors, each such bare tuple on a line
// with an error (and each annotation of annotationBoolOps) is wrapped in
// parentheses in a copy of the source, the copy is parsed, and when that
// parse has fewer errors its tree is used, every offset mapped back to the
// source (the added parentheses are dropped punctuation; the tuple's node
// spans the elements, as the bare tuple would).

// grammarGapRetry returns f's parse redone with the bare starred tuples of
// its erroneous lines and its annotations with a generic type operand of
// `or`/`and`/`if` parenthesised, or f when there is nothing to redo or the
// redone parse is no better.
func grammarGapRetry(path string, src []byte, f *File) *File {
	if len(f.SyntaxErrors) == 0 {
		return f
	}
	var pairs [][2]int // where `(` and `)` go
	seen := map[int]bool{}
	for _, e := range f.SyntaxErrors {
		start := lineStartOf(src, int(e.Start))
		if seen[start] {
			continue
		}
		seen[start] = true
		if len(seen) > maxStarredTupleLines {
			// A file this broken is not valid Python that the grammar
			// misreads; each line's scan may run far.
			return f
		}
		if open, close, ok := bareStarredTuple(src, start); ok {
			pairs = append(pairs, [2]int{open, close})
		}
	}
	pairs = append(pairs, annotationBoolOps(f)...)
	// The pairs are disjoint (a tuple is a statement's value, an annotation
	// comes before it); one that overlaps the pair before it is left out.
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	var inserts []int // offsets of src before which one byte is added, sorted
	for _, p := range pairs {
		if len(inserts) > 0 && p[0] < inserts[len(inserts)-1] {
			continue
		}
		inserts = append(inserts, p[0], p[1])
	}
	if len(inserts) == 0 {
		return f
	}
	in := make([]byte, 0, len(src)+len(inserts))
	prev := 0
	for i, at := range inserts {
		in = append(in, src[prev:at]...)
		if i%2 == 0 {
			in = append(in, '(')
		} else {
			in = append(in, ')')
		}
		prev = at
	}
	in = append(in, src[prev:]...)
	rewritten, problem := parserInput(in)
	if problem != "" {
		return f
	}
	p := parserPool.Get().(*sitter.Parser)
	defer parserPool.Put(p)
	tree, err := p.ParseCtx(context.Background(), nil, rewritten)
	if err != nil || tree == nil {
		return f
	}
	defer tree.Close()
	g := lower(path, in, tree, nil)
	if g.Root.Type() == "ERROR" || len(g.SyntaxErrors) >= len(f.SyntaxErrors) {
		return f
	}
	// back maps an offset of in to src: less the bytes added before it.
	added := make([]int, len(inserts)) // positions in `in` of the added bytes
	for i, at := range inserts {
		added[i] = at + i
	}
	back := func(o uint32) uint32 {
		return o - uint32(sort.SearchInts(added, int(o)))
	}
	g.Root.Walk(func(n *Node) bool {
		n.Start, n.End = back(n.Start), back(n.End)
		return true
	})
	for i := range g.SyntaxErrors {
		g.SyntaxErrors[i].Start, g.SyntaxErrors[i].End = back(g.SyntaxErrors[i].Start), back(g.SyntaxErrors[i].End)
	}
	g.Src, g.Lines = src, f.Lines
	return g
}

// maxStarredTupleLines is how many lines with a syntax error are looked at
// for a bare starred tuple.
const maxStarredTupleLines = 64

// maxStarredTupleStatement is the longest statement (in bytes) looked at.
const maxStarredTupleStatement = 64 << 10

func lineStartOf(src []byte, off int) int {
	for off > 0 && src[off-1] != '\n' && src[off-1] != '\r' {
		off--
	}
	return off
}

// bareStarredTuple finds, in the statement that begins on the line starting
// at start, a tuple without parentheses that has a starred element: the
// value of `return` or `yield`, or the right side of the statement's last
// `=`, when it holds a comma and a `*` (not `**`) first or after a comma,
// all outside brackets. It returns where the tuple begins and ends (after
// its last byte that is not white space or a comment).
func bareStarredTuple(src []byte, start int) (open, close int, ok bool) {
	i := start
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
		i++
	}
	stmt := i
	skipSpace := func(j int) int {
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		return j
	}
	keyword := func(kw string) bool {
		j := stmt + len(kw)
		return j < len(src) && string(src[stmt:j]) == kw && (src[j] == ' ' || src[j] == '\t')
	}
	head := -1
	if keyword("return") {
		head = skipSpace(stmt + len("return"))
	} else if keyword("yield") {
		head = skipSpace(stmt + len("yield"))
		if j := head + len("from"); j <= len(src) && string(src[head:j]) == "from" {
			return 0, 0, false
		}
	}
	// One pass over the statement's logical line: brackets, strings and
	// comments are skipped; the last plain `=` outside brackets is noted.
	depth, end := 0, -1
	lastEq := -1
	limit := min(len(src), stmt+maxStarredTupleStatement)
	for j := stmt; j < limit && end < 0; j++ {
		c := src[j]
		switch {
		case c == '#':
			for j < len(src) && src[j] != '\n' {
				j++
			}
			j--
		case c == '\'' || c == '"':
			j = skipString(src, j) - 1
		case c == '\\' && j+1 < len(src) && src[j+1] == '\n':
			j++
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
			if depth < 0 {
				// The line continues a statement begun above.
				return 0, 0, false
			}
		case depth == 0 && (c == '\n' || c == '\r' || c == ';'):
			end = j
		case depth == 0 && c == ':':
			// A compound statement, an annotation, a lambda, `:=`.
			return 0, 0, false
		case depth == 0 && c == '=':
			prevOp := j > stmt && strings.IndexByte("=<>!+-*/%&|^@", src[j-1]) >= 0
			if !prevOp && (j+1 >= len(src) || src[j+1] != '=') {
				lastEq = j
			} else if j+1 < len(src) && src[j+1] == '=' {
				j++
			}
		}
	}
	if end < 0 {
		if limit < len(src) {
			return 0, 0, false
		}
		end = len(src)
	}
	if head < 0 {
		if lastEq < 0 {
			return 0, 0, false
		}
		head = skipSpace(lastEq + 1)
	}
	// The value: trailing white space and a comment are left out.
	close = head
	starred, comma := false, false
	depth = 0
	afterComma := true // at the value's start, a `*` is an element's
	for j := head; j < end; j++ {
		c := src[j]
		switch {
		case c == '#':
			for j+1 < end && src[j+1] != '\n' {
				j++
			}
			continue
		case c == ' ' || c == '\t' || c == '\\' || c == '\n' || c == '\r' || c == '\f':
			continue
		case c == '\'' || c == '"':
			j = skipString(src, j) - 1
			afterComma = false
		case c == '(' || c == '[' || c == '{':
			depth++
			afterComma = false
		case c == ')' || c == ']' || c == '}':
			depth--
		case depth == 0 && c == ',':
			comma, afterComma = true, true
		case depth == 0 && c == '*' && afterComma && (j+1 >= len(src) || src[j+1] != '*'):
			starred, afterComma = true, false
		default:
			afterComma = false
		}
		close = j + 1
	}
	if !starred || !comma || close <= head {
		return 0, 0, false
	}
	return head, close, true
}
