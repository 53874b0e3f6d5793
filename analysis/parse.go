// Package analysis parses Python source and builds the semantic model that
// every asyncls surface (check, the language server, the simulator) reads.
//
// It is the only package that imports tree-sitter. A tree-sitter tree is not
// safe for concurrent reads, so each parse is lowered once into plain Go
// values (Node) that are never mutated afterwards and may be shared freely
// between goroutines.
package analysis

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// Node is one syntax node of the lowered tree. Punctuation tokens are
// dropped; keywords and operators ("async", "await", "+", "not") are kept
// because rules and the simulator read them. Nodes are used by pointer
// only: a copy has lost its place in the tree's slab, which its Parent and
// Children are found from.
type Node struct {
	Start uint32 // byte offset
	End   uint32 // byte offset (exclusive)

	// A lowered tree is one slab of nodes in pre-order, so a node's subtree
	// follows it in memory. links packs (low bits first) how many nodes are
	// below this one (descendants: its children are found from the counts
	// alone), how many places before it its parent is (up, 0: none), its
	// type (kind, an index in kindNames), its field (an index in
	// fieldNames) and its flags (nodeNamed, nodeMissing). A Node holds no
	// pointer, so the collector never scans a tree. A Node built by hand
	// has no parent and no children.
	links uint64
}

// A node is 16 bytes: its type and field are indexes into the grammar's
// tables rather than strings, and its parent and children are positions
// in the slab rather than pointers, packed in one word. A tree therefore
// holds at most MaxTreeNodes nodes (Parse reports a larger one as a
// syntax error instead of lowering it).
const (
	descendantsBits = 24
	upBits          = 23
	kindBits        = 9
	fieldBits       = 6
	flagBits        = 2

	upShift    = descendantsBits
	kindShift  = upShift + upBits
	fieldShift = kindShift + kindBits
	flagShift  = fieldShift + fieldBits

	descendantsMask = 1<<descendantsBits - 1
	upMask          = 1<<upBits - 1
	kindMask        = 1<<kindBits - 1
	fieldMask       = 1<<fieldBits - 1

	nodeNamed   = 1 << 0
	nodeMissing = 1 << 1

	// MaxTreeNodes bounds the nodes of one lowered tree (every distance in
	// it must fit in up): a 16 MiB file of ordinary code has about 4
	// million.
	MaxTreeNodes = 1 << upBits
)

// treeNodeLimit is MaxTreeNodes (a test lowers it).
var treeNodeLimit = MaxTreeNodes

// The packing must fill one word exactly.
var _ [64 - (descendantsBits + upBits + kindBits + fieldBits + flagBits)]struct{}
var _ [(descendantsBits + upBits + kindBits + fieldBits + flagBits) - 64]struct{}

func (n *Node) descendants() uint32 { return uint32(n.links & descendantsMask) }
func (n *Node) up() uint32          { return uint32(n.links>>upShift) & upMask }
func (n *Node) kind() uint16        { return uint16(n.links>>kindShift) & kindMask }
func (n *Node) field() uint8        { return uint8(n.links>>fieldShift) & fieldMask }
func (n *Node) flags() uint8        { return uint8(n.links >> flagShift) }

// packLinks packs a node's links (each value within its bits).
func packLinks(descendants, up uint32, kind uint16, field, flags uint8) uint64 {
	return uint64(descendants) | uint64(up)<<upShift | uint64(kind)<<kindShift |
		uint64(field)<<fieldShift | uint64(flags)<<flagShift
}

// Parent returns the node's parent, or nil for a root.
func (n *Node) Parent() *Node {
	if n == nil || n.up() == 0 {
		return nil
	}
	return (*Node)(unsafe.Add(unsafe.Pointer(n), -int(n.up())*int(nodeSize)))
}

// Type is the tree-sitter node type: "call", "identifier", "+", ...
func (n *Node) Type() string {
	if k := int(n.kind()); k < len(kindNames) {
		return kindNames[k]
	}
	return ""
}

// Field is the field name in the parent ("function", "body", ...), or "".
func (n *Node) Field() string {
	if f := int(n.field()); f < len(fieldNames) {
		return fieldNames[f]
	}
	return ""
}

// Named reports a named node (not a keyword or operator token).
func (n *Node) Named() bool { return n.flags()&nodeNamed != 0 }

// Missing reports a node inserted by error recovery.
func (n *Node) Missing() bool { return n.flags()&nodeMissing != 0 }

// NewNode returns a named node of type typ spanning [start, end) with no
// parent and no children (for a stand-in the tree does not hold).
func NewNode(typ string, start, end uint32) *Node {
	symbolsOnce.Do(loadSymbols)
	return &Node{Start: start, End: end, links: packLinks(0, 0, kindOf[typ], 0, nodeNamed)}
}

// nodeSize is the distance between neighbours in a slab.
const nodeSize = unsafe.Sizeof(Node{})

// at returns the node i places after n in its slab.
func (n *Node) at(i uint32) *Node {
	return (*Node)(unsafe.Add(unsafe.Pointer(n), uintptr(i)*nodeSize))
}

// Children yields n's children in order with their index: the first
// follows n in the slab, and each next one follows its predecessor's
// subtree.
func (n *Node) Children() iter.Seq2[int, *Node] {
	return func(yield func(int, *Node) bool) {
		if n == nil {
			return
		}
		k := 0
		for i, end := uint32(1), n.descendants(); i <= end; k++ {
			c := n.at(i)
			if !yield(k, c) {
				return
			}
			i += c.descendants() + 1
		}
	}
}

// ChildList returns n's children as a new slice.
func (n *Node) ChildList() []*Node {
	var out []*Node
	for _, c := range n.Children() {
		out = append(out, c)
	}
	return out
}

// FirstChild returns n's first child, or nil.
func (n *Node) FirstChild() *Node {
	if n == nil || n.descendants() == 0 {
		return nil
	}
	return n.at(1)
}

// HasChildren reports whether n has any child.
func (n *Node) HasChildren() bool { return n != nil && n.descendants() > 0 }

// ChildByField returns the first child with the given field name.
func (n *Node) ChildByField(field string) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children() {
		if c.Field() == field {
			return c
		}
	}
	return nil
}

// ChildrenByField returns all children with the given field name.
func (n *Node) ChildrenByField(field string) []*Node {
	var out []*Node
	for _, c := range n.Children() {
		if c.Field() == field {
			out = append(out, c)
		}
	}
	return out
}

// NamedChildren returns the named children (no keywords or operators), and
// none of tree-sitter's extras: a comment or a backslash continuation may
// stand between any two children (`await f() \` / `if iscoroutinefunction(f)
// \` / `else f()`: the conditional expression's three parts are still
// named[0..2]).
func (n *Node) NamedChildren() []*Node {
	out := []*Node{}
	for c := range n.EachNamedChild() {
		out = append(out, c)
	}
	return out
}

// EachNamedChild yields what NamedChildren returns, one at a time, for a
// caller that stops early (the first statements of a module of thousands)
// without building the whole list.
func (n *Node) EachNamedChild() iter.Seq[*Node] {
	return func(yield func(*Node) bool) {
		for _, c := range n.Children() {
			if c.Named() && !isExtra(c) && !yield(c) {
				return
			}
		}
	}
}

// HasToken reports whether n has a direct anonymous child token typ (e.g. "async").
func (n *Node) HasToken(typ string) bool {
	for _, c := range n.Children() {
		if !c.Named() && c.Type() == typ {
			return true
		}
	}
	return false
}

// Walk calls fn for n and its descendants in pre-order; returning false skips
// the node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil {
		return
	}
	// A lowered subtree is contiguous in pre-order: scan it, jumping over
	// the subtree of a node whose children fn declines.
	nodes := unsafe.Slice(n, int(n.descendants())+1)
	for i := 0; i < len(nodes); {
		if fn(&nodes[i]) {
			i++
		} else {
			i += int(nodes[i].descendants()) + 1
		}
	}
}

// Unparen strips enclosing parentheses.
func Unparen(n *Node) *Node {
	for n != nil && n.Type() == "parenthesized_expression" {
		named := n.NamedChildren()
		if len(named) != 1 {
			return n
		}
		n = named[0]
	}
	return n
}

// ParenParent climbs out of the parentheses around n, the inverse walk of
// Unparen: outer is the outermost parenthesized_expression wrapping n (n
// itself when none does) and parent is outer's parent, the syntax that uses
// n's value (nil at the root). Rules asking "what is this call's value
// used by" all climb the same way through it.
func ParenParent(n *Node) (outer, parent *Node) {
	parent = n.Parent()
	for parent != nil && parent.Type() == "parenthesized_expression" {
		n, parent = parent, parent.Parent()
	}
	return n, parent
}

// SyntaxError is a place where the parser had to recover.
type SyntaxError struct {
	Start, End uint32
	Message    string
}

// File is one parsed and lowered Python source file. It is immutable.
type File struct {
	Path         string
	Src          []byte
	Root         *Node
	Lines        *LineIndex
	SyntaxErrors []SyntaxError
	Comments     []*Node
}

// Text returns the source text of n. The string shares f.Src's bytes (a
// File and its source are immutable), so it costs no copy; it keeps the
// source alive as long as it is kept.
func (f *File) Text(n *Node) string {
	if n == nil {
		return ""
	}
	b := f.Src[n.Start:n.End]
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Brief is how a message quotes the code of n: on one line, comments left
// out, each run of white space (line breaks and backslash continuations
// included) as one space, and the arguments of an inner call or a string
// literal that would make the quote long or span lines shown as `(...)` and
// `'...'`. Code that is already short and on one line is quoted as written.
func (f *File) Brief(n *Node) string {
	text := f.Text(n)
	if len(text) <= briefLimit && !strings.ContainsAny(text, "\n\r\\#") {
		return text
	}
	type cut struct {
		start, end uint32
		with       string
	}
	var cuts []cut
	n.Walk(func(d *Node) bool {
		if d == n {
			return true
		}
		long := d.End-d.Start > briefPart || bytes.ContainsAny(f.Src[d.Start:d.End], "\n\r")
		switch d.Type() {
		case "argument_list":
			if long {
				cuts = append(cuts, cut{d.Start, d.End, "(...)"})
				return false
			}
		case "string", "concatenated_string":
			if long {
				cuts = append(cuts, cut{d.Start, d.End, "'...'"})
				return false
			}
		}
		return true
	})
	for _, c := range f.Comments {
		if c.Start >= n.Start && c.End <= n.End {
			cuts = append(cuts, cut{c.Start, c.End, " "})
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].start < cuts[j].start })
	var b strings.Builder
	at := n.Start
	for _, c := range cuts {
		if c.start < at {
			continue // inside a part already cut
		}
		b.Write(f.Src[at:c.start])
		b.WriteString(c.with)
		at = c.end
	}
	b.Write(f.Src[at:n.End])
	return oneLine(b.String())
}

// briefLimit is the longest quote Brief keeps as written; briefPart the
// longest argument list or string it keeps inside a longer one.
const (
	briefLimit = 80
	briefPart  = 40
)

// oneLine joins code onto one line: backslash continuations and runs of
// white space become one space, none kept just inside brackets.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\\\r\n", " ")
	s = strings.ReplaceAll(s, "\\\n", " ")
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range [][2]string{{"( ", "("}, {"[ ", "["}, {"{ ", "{"}, {" )", ")"}, {" ]", "]"}, {" }", "}"}} {
		s = strings.ReplaceAll(s, p[0], p[1])
	}
	return s
}

// MaxFileSize bounds what is parsed; larger files are reported, not analysed,
// so one generated blob cannot stall an editor or a CI run.
const MaxFileSize = 16 << 20

// ErrNotUTF8 is returned for source that is not valid UTF-8 (PEP 3120).
// Declared is the encoding its PEP 263 declaration names, if it names one
// that DecodeSource could not decode it with.
type ErrNotUTF8 struct {
	Offset   int
	Declared string
}

func (e *ErrNotUTF8) Error() string {
	if e.Declared != "" {
		return fmt.Sprintf("not valid UTF-8 (first bad byte at offset %d), and its coding declaration %q is not an encoding asyncls can decode", e.Offset, e.Declared)
	}
	return fmt.Sprintf("not valid UTF-8 (first bad byte at offset %d); Python source must be UTF-8 or declare its encoding (PEP 263)", e.Offset)
}

// CheckSource validates bytes before parsing (after DecodeSource, which
// turns a file in a declared encoding into UTF-8).
func CheckSource(src []byte) error {
	if len(src) > MaxFileSize {
		return fmt.Errorf("file is %d bytes, larger than the %d-byte limit", len(src), MaxFileSize)
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return &ErrNotUTF8{Offset: off, Declared: DeclaredCoding(src)}
	}
	return nil
}

var parserPool = sync.Pool{New: func() any {
	p := sitter.NewParser()
	p.SetLanguage(python.GetLanguage())
	return p
}}

// Parse parses src. It never fails on invalid Python: syntax errors are
// recorded in File.SyntaxErrors and the recovered tree is still lowered.
// Callers should validate encoding and size with CheckSource first.
func Parse(path string, src []byte) *File {
	p := parserPool.Get().(*sitter.Parser)
	defer parserPool.Put(p)
	in, problem := parserInput(src)
	tree, err := p.ParseCtx(context.Background(), nil, in)
	if err != nil || tree == nil {
		// Only cancellation or a missing language make tree-sitter fail.
		return &File{Path: path, Src: src, Root: NewNode("module", 0, uint32(len(src))), Lines: NewLineIndex(src),
			SyntaxErrors: []SyntaxError{{Message: "parser failed: " + fmt.Sprint(err)}}}
	}
	defer tree.Close()
	f := Lower(path, src, tree)
	if problem == "" {
		f = grammarGapRetry(path, src, f)
	}
	untrusted(f, problem)
	return f
}

type symbolInfo struct {
	name string
	keep bool
}

var (
	symbolsOnce sync.Once
	symbols     []symbolInfo
	symbolKeep  []uint8 // 1 where symbols[i].keep, for the C walker
	// symbolDrop[i*len(symbols)+j] is 1 where a node of symbol i is dropped
	// when its parent's symbol is j (droppedTokens), for the C walker.
	symbolDrop []uint8
	fieldNames []string

	// kindNames is Node.Type by Node.kind: "" (a zero Node), then the
	// grammar's symbols (kind = symbol + 1), then ERROR and an unknown
	// symbol; kindOf maps a name back to a kind (for NewNode).
	kindNames              []string
	kindOf                 map[string]uint16
	kindError, kindUnknown uint16
)

// keepTable returns, per symbol, whether its nodes survive lowering.
func keepTable() []uint8 {
	symbolsOnce.Do(loadSymbols)
	return symbolKeep
}

// punctuation tokens carry no meaning once the tree is built.
var punctuation = map[string]bool{
	"(": true, ")": true, "[": true, "]": true, "{": true, "}": true,
	",": true, ":": true, ".": true, ";": true, "\"": true, "->": true,
}

// droppedTokens are tokens that say nothing their parent's type does not
// (the keyword that starts a statement, by the statement's type; the `=`
// of an assignment or a keyword argument, between its fields) and a
// string's delimiters (its prefix and quotes are its text's first bytes),
// each dropped only under that parent: every module of a project keeps
// its tree for a whole check, and these were ~11% of its nodes (~10 MB of
// the 1M-line corpus/big; docs/performance.md, "Memory"). Elsewhere (under
// an ERROR node, or the other uses of `if`, `for` and `else`) they stay.
// The tokens rules look at stay everywhere: `async`, `await`, `except`
// (ASYNC103 reports a bare except at it), `from` in `yield from` and
// `raise ... from`, `yield`, `lambda`, the `=` of a keyword pattern,
// operators and the keywords that are operators (`not`, `in`, `is`, ...).
var droppedTokens = map[string][]string{
	"string_start": {"string"},
	"string_end":   {"string"},
	"def":          {"function_definition"},
	"class":        {"class_definition"},
	"return":       {"return_statement"},
	"import":       {"import_statement", "import_from_statement", "future_import_statement"},
	"if":           {"if_statement"},
	"elif":         {"elif_clause"},
	"else":         {"else_clause"},
	"while":        {"while_statement"},
	"for":          {"for_statement"},
	"with":         {"with_statement"},
	"try":          {"try_statement"},
	"finally":      {"finally_clause"},
	"raise":        {"raise_statement"},
	"pass":         {"pass_statement"},
	"break":        {"break_statement"},
	"continue":     {"continue_statement"},
	"del":          {"delete_statement"},
	"global":       {"global_statement"},
	"nonlocal":     {"nonlocal_statement"},
	"assert":       {"assert_statement"},
	"=":            {"assignment", "keyword_argument", "default_parameter", "typed_default_parameter"},
	"from":         {"import_from_statement", "future_import_statement"},
	"in":           {"for_statement", "for_in_clause"},
	"as":           {"aliased_import"},
	"@":            {"decorator"},
}

func loadSymbols() {
	lang := python.GetLanguage()
	n := lang.SymbolCount()
	symbols = make([]symbolInfo, n)
	for i := uint32(0); i < n; i++ {
		name := lang.SymbolName(sitter.Symbol(i))
		named := lang.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular
		symbols[i] = symbolInfo{name: name, keep: named || !punctuation[name]}
	}
	symbolKeep = make([]uint8, n)
	for i, info := range symbols {
		if info.keep {
			symbolKeep[i] = 1
		}
	}
	symbolDrop = make([]uint8, int(n)*int(n))
	for i := uint32(0); i < n; i++ {
		parents := droppedTokens[symbols[i].name]
		if len(parents) == 0 {
			continue
		}
		// The delimiters are named symbols; the keywords are tokens,
		// not the named nodes some share a name with.
		if named := lang.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular; named != strings.HasPrefix(symbols[i].name, "string_") {
			continue
		}
		for j := uint32(0); j < n; j++ {
			if lang.SymbolType(sitter.Symbol(j)) == sitter.SymbolTypeRegular && slices.Contains(parents, symbols[j].name) {
				symbolDrop[i*n+j] = 1
			}
		}
	}
	for i := 0; ; i++ {
		if i > 0 && lang.FieldName(i) == "" {
			break
		}
		fieldNames = append(fieldNames, lang.FieldName(i))
	}
	if len(fieldNames) > 1<<fieldBits || len(symbols)+3 > 1<<kindBits {
		panic("analysis: the grammar has more symbols or fields than a Node can index")
	}
	kindNames = []string{""}
	for _, info := range symbols {
		kindNames = append(kindNames, info.name)
	}
	kindError, kindUnknown = uint16(len(kindNames)), uint16(len(kindNames)+1)
	kindNames = append(kindNames, "ERROR", "?")
	kindOf = map[string]uint16{}
	for i := len(kindNames) - 1; i > 0; i-- {
		kindOf[kindNames[i]] = uint16(i) // the first symbol of a name wins
	}
	loadStarredClasses()
}

// Lower converts a tree-sitter tree of src into immutable Nodes. It is used
// for full parses and by the language server after incremental reparses.
func Lower(path string, src []byte, tree *sitter.Tree) *File {
	return lower(path, src, tree, nil)
}

// parallelLowerNodes is the tree size from which a tree is walked and
// lowered in two halves at once (when there are two cores): a keystroke in a
// 5,000-line file would otherwise wait for one core to walk ~27,000 nodes.
var parallelLowerNodes uint32 = 8192

// lower is Lower with the line index of src when the caller already has it.
func lower(path string, src []byte, tree *sitter.Tree, lines *LineIndex) *File {
	symbolsOnce.Do(loadSymbols)
	if lines == nil {
		lines = NewLineIndex(src)
	}
	f := &File{Path: path, Src: src, Lines: lines}
	rootRec, desc := rootOf(tree)
	var total uint32
	for _, d := range desc {
		total += d
	}
	// The top-level children split in two parts of about equal size: a
	// child goes to the first part when its middle comes before the middle
	// of the tree.
	split := len(desc)
	if total >= parallelLowerNodes && runtime.GOMAXPROCS(0) > 1 && len(desc) > 1 {
		var sum uint32
		for split = 0; split < len(desc)-1 && sum+desc[split]/2 <= total/2; split++ {
			sum += desc[split]
		}
		split = max(split, 1)
	}
	var parts [2]lowerPart
	parts[0].first, parts[0].count = 0, split
	parts[1].first, parts[1].count = split, len(desc)-split
	for i := range parts {
		for _, d := range desc[parts[i].first : parts[i].first+parts[i].count] {
			parts[i].nodes += d
		}
	}
	both := func(fn func(p *lowerPart)) {
		if parts[1].count == 0 || parts[0].count == 0 {
			fn(&parts[0])
			fn(&parts[1])
			return
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			fn(&parts[1])
		}()
		fn(&parts[0])
		<-done
	}
	both(func(p *lowerPart) {
		p.flat, p.release = flattenPart(tree, p.first, p.count, p.nodes)
		renestStarredElements(p.flat)
	})
	defer parts[0].release()
	defer parts[1].release()

	// One slab of nodes, sized exactly, holds the whole tree in pre-order:
	// [root][part 0][part 1].
	n0, n1 := len(parts[0].flat), len(parts[1].flat)
	if 1+n0+n1 > treeNodeLimit {
		f.Root = NewNode("module", 0, uint32(len(src)))
		f.SyntaxErrors = []SyntaxError{{Message: fmt.Sprintf("the file has %d syntax nodes, more than the %d asyncls can analyse", 1+n0+n1, treeNodeLimit)}}
		return f
	}
	slab := make([]Node, 1+n0+n1)
	root := &slab[0]
	fillNode(root, &rootRec)
	parts[0].base, parts[1].base = 1, 1+n0
	both(func(p *lowerPart) { p.lower(src, slab) })
	// Children follow their parent in the slab, so one backward pass
	// counts every subtree (for Walk and Children).
	for i := len(slab) - 1; i > 0; i-- {
		// Counts stay below MaxTreeNodes (checked above), so adding to
		// the low bits never carries into up.
		slab[i-int(slab[i].up())].links += uint64(slab[i].descendants()) + 1
	}
	if parts[0].lastTop != nil && parts[1].firstTop != nil {
		// The two parts' neighbouring top-level statements.
		var boundary lowerPart
		boundary.checkSeparated(src, parts[0].lastTop, parts[1].firstTop)
		parts[0].errors = append(parts[0].errors, boundary.errors...)
	}
	f.Root = root
	f.SyntaxErrors = append(parts[0].errors, parts[1].errors...)
	f.Comments = append(parts[0].comments, parts[1].comments...)
	// Errors nested inside another error add nothing for the reader.
	f.SyntaxErrors = outermostErrors(f.SyntaxErrors)
	return f
}

// lowerPart is one part of a tree being lowered: some of the root's
// top-level children and their subtrees.
type lowerPart struct {
	first, count int    // top-level children
	nodes        uint32 // their node count, kept or not
	flat         []flatNode
	release      func()

	base int // index of the part's first node in the slab
	// The part's first top-level node, and its last one that is not a
	// comment (for the check of the statements on each side of the parts'
	// boundary).
	firstTop, lastTop *Node

	errors   []SyntaxError
	comments []*Node
}

// lower fills the part's nodes. In pre-order a parent comes before its
// children, so each child is checked against the sibling before it (the last
// one that is not a comment, remembered per parent while the part is
// filled).
func (p *lowerPart) lower(src []byte, slab []Node) {
	// The blocks whose children are being filled, each with its last
	// non-comment child so far, innermost last. In pre-order a block's
	// children come after every node of its earlier children's subtrees, so
	// the entries above a block when its next child comes are finished (a
	// stack of the open blocks rather than a slot per node: a pointer per
	// node was ~40 MB of garbage lowering big/).
	type openBlock struct {
		at   uint32 // the block's index in the part
		last *Node
	}
	var blocks []openBlock
	for j := range p.flat {
		fn := &p.flat[j]
		n := &slab[p.base+j]
		fillNode(n, fn)
		if fn.parent == noParent {
			n.setUp(uint32(p.base + j))
			if p.firstTop == nil {
				p.firstTop = n
			}
			// Only this part's own statements: the other part's neighbour
			// is checked after both are done.
			p.checkSeparated(src, p.lastTop, n)
			if !isExtra(n) {
				p.lastTop = n
			}
		} else {
			parent := &slab[p.base+int(fn.parent)]
			n.setUp(uint32(j) - fn.parent)
			if kind, keepField := exceptTypesTuple(src, parent, n); kind != 0 {
				field := n.field()
				if !keepField {
					field = 0
				}
				n.links = packLinks(n.descendants(), n.up(), kind, field, n.flags())
			}
			if parent.Type() == "block" {
				for len(blocks) > 0 && blocks[len(blocks)-1].at > fn.parent {
					blocks = blocks[:len(blocks)-1]
				}
				if len(blocks) == 0 || blocks[len(blocks)-1].at != fn.parent {
					blocks = append(blocks, openBlock{at: fn.parent})
				}
				top := &blocks[len(blocks)-1]
				p.checkSeparated(src, top.last, n)
				if !isExtra(n) {
					top.last = n
				}
			}
		}
		switch {
		case n.Type() == "ERROR":
			p.errors = append(p.errors, SyntaxError{Start: n.Start, End: n.End, Message: describeError(src, n)})
		case n.Missing():
			p.errors = append(p.errors, SyntaxError{Start: n.Start, End: n.End, Message: fmt.Sprintf("syntax error: missing %q", n.Type())})
		case n.Type() == "block" && n.Start == n.End:
			// tree-sitter's recovery gives a clause with no body an empty
			// block and no ERROR node (`except E as e:` followed by a line
			// at the clause's own indentation); Python says "expected an
			// indented block". Every block Python accepts holds a statement.
			p.errors = append(p.errors, SyntaxError{Start: n.Start, End: n.End, Message: "syntax error: expected an indented block"})
		case n.Type() == "comment":
			p.comments = append(p.comments, n)
		case n.Type() == "identifier" && hardKeywords[string(src[n.Start:n.End])]:
			// tree-sitter's error recovery can read `else:` alone as an
			// annotated name: Python never does.
			p.errors = append(p.errors, SyntaxError{Start: n.Start, End: n.End,
				Message: fmt.Sprintf("syntax error: `%s` is a keyword, not a name", src[n.Start:n.End])})
		default:
			if msg, end := python2Only(src, n); msg != "" {
				p.errors = append(p.errors, SyntaxError{Start: n.Start, End: end, Message: "syntax error: " + msg + " is Python 2 syntax (asyncls reads Python 3)"})
			} else if importTrailingComma(src, n) {
				p.errors = append(p.errors, SyntaxError{Start: n.Start, End: n.End,
					Message: "syntax error: a trailing comma after imported names needs parentheses around them"})
			}
		}
	}
}

// checkSeparated records a syntax error when statement n follows the
// statement before it (among siblings, comments aside) on the same line
// without a `;`. Python never allows that, but tree-sitter's recovery can
// split `e()0` in a block into two statements with no ERROR node, and the
// fixes and findings would then trust a file Python rejects. Comments and
// line continuations are extras, not statements: a trailing `\` before a
// blank line ends nothing and starts nothing (Python accepts it).
func (p *lowerPart) checkSeparated(src []byte, prev, n *Node) {
	if isExtra(n) || n.Type() == "ERROR" || n.Missing() {
		return
	}
	if prev == nil || prev.Type() == "ERROR" || prev.End > n.Start {
		return
	}
	if bytes.ContainsAny(src[prev.End:n.Start], ";\n\r") {
		return
	}
	p.errors = append(p.errors, SyntaxError{Start: n.Start, End: n.End,
		Message: "syntax error: two statements on one line need a `;` between them"})
}

// isExtra reports tree-sitter's extras that may stand among statements.
func isExtra(n *Node) bool {
	return n.Type() == "comment" || n.Type() == "line_continuation"
}

func fillNode(n *Node, fn *flatNode) {
	var kind uint16
	switch {
	case fn.symbol == 0xFFFF:
		kind = kindError
	case int(fn.symbol) < len(symbols):
		kind = uint16(fn.symbol) + 1
	default:
		kind = kindUnknown
	}
	var field, flags uint8
	if int(fn.field) < len(fieldNames) {
		field = uint8(fn.field)
	}
	if fn.flags&1 != 0 {
		flags |= nodeNamed
	}
	if fn.flags&2 != 0 {
		flags |= nodeMissing
	}
	n.Start, n.End = fn.start, fn.end
	n.links = packLinks(0, 0, kind, field, flags)
}

// exceptTypesTuple returns the kind n takes when it belongs to the types of
// an except clause written without parentheses (`except A, B, C:`, PEP
// 758), which the parser read as the chained comparison `A< B< C` of the
// rewritten input (unparenthesizedExceptCommas): the comparison becomes the
// tuple Python means, and each `<` the comma of the source, so the clause
// lowers as `except (A, B, C):` does. keepField is false for the commas (a
// tuple's separators have no field). It returns 0 for every other node (a
// real comparison has no comma at its top level).
func exceptTypesTuple(src []byte, parent, n *Node) (kind uint16, keepField bool) {
	switch n.Type() {
	case "comparison_operator":
		if parent.Type() == "except_clause" && topLevelComma(src[n.Start:n.End]) {
			return kindOf["tuple"], true
		}
	case "<":
		if parent.Type() == "tuple" && n.End == n.Start+1 && src[n.Start] == ',' {
			return kindOf[","], false
		}
	}
	return 0, false
}

// topLevelComma reports a comma of text outside brackets.
func topLevelComma(text []byte) bool {
	depth := 0
	for _, c := range text {
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				return true
			}
		}
	}
	return false
}

// setUp records the distance back to n's parent (n has none yet).
func (n *Node) setUp(up uint32) { n.links |= uint64(up) << upShift }

func describeError(src []byte, n *Node) string {
	text := src[n.Start:n.End]
	if len(text) > 30 {
		text = append(append([]byte{}, text[:30]...), "..."...)
	}
	for i, b := range text {
		if b == '\n' {
			text = append(append([]byte{}, text[:i]...), "..."...)
			break
		}
	}
	if len(text) == 0 {
		return "syntax error"
	}
	return fmt.Sprintf("syntax error: unexpected %q", string(text))
}

func outermostErrors(errs []SyntaxError) []SyntaxError {
	out := errs[:0]
	for _, e := range errs {
		if len(out) > 0 {
			last := out[len(out)-1]
			if e.Start >= last.Start && e.End <= last.End && last.End > last.Start {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// hardKeywords are Python 3's reserved words (not the soft keywords match,
// case, type and _, which are names elsewhere).
var hardKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true, "await": true,
	"break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true, "return": true, "try": true,
	"while": true, "with": true, "yield": true,
}

// python2Only names the Python 2 construct n is, or returns "": the
// tree-sitter grammar accepts them, Python 3 does not. end is where the
// construct ends (n's end, or that of a string's opening delimiter).
func python2Only(src []byte, n *Node) (msg string, end uint32) {
	switch n.Type() {
	case "print_statement":
		// `print >> f, x` (a chevron) is also Python 3: a shift of the
		// print function, in a tuple. It raises TypeError when run, but
		// it parses (CPython's own tests use it); only the plain
		// statement form is a syntax error. (Read from the text: the
		// tree is lowered in pre-order, so n's children are not filled
		// yet.)
		rest := bytes.TrimLeft(src[min(n.Start+uint32(len("print")), n.End):n.End], " \t\\\r\n")
		if bytes.HasPrefix(rest, []byte(">>")) {
			return "", 0
		}
		return "a `print` statement", n.End
	case "exec_statement":
		return "an `exec` statement", n.End
	case "<>":
		return "the `<>` operator", n.End
	case "string", "string_start":
		// A string's opening delimiter (its string_start, dropped under
		// the string: droppedTokens): the prefix and the quotes.
		end := n.End
		if n.Type() == "string" {
			end = stringStartEnd(src, n)
		}
		if src[n.Start] == '`' {
			return "a backquoted expression", end
		}
		if end-n.Start >= 2 && (src[n.Start]|0x20) == 'u' && (src[n.Start+1]|0x20) == 'r' {
			return "a `ur` string prefix", end
		}
	case "integer":
		if t := src[n.Start:n.End]; len(t) > 1 && t[0] == '0' && t[1] >= '0' && t[1] <= '9' && !allZeros(t) {
			return "an octal literal without `0o`", n.End
		}
		if t := src[n.Start:n.End]; len(t) > 1 && (t[len(t)-1] == 'l' || t[len(t)-1] == 'L') && !isHexLike(t) {
			return "a long integer literal", n.End
		}
	}
	return "", 0
}

// importTrailingComma reports an import whose names end in a comma without
// parentheses around them (`from m import a, b,`, `import os,`): the
// tree-sitter grammar takes it, CPython does not ("trailing comma not
// allowed without surrounding parentheses"). Read from the text, as
// python2Only does: n's children are not filled yet.
func importTrailingComma(src []byte, n *Node) bool {
	if n.Type() != "import_statement" && n.Type() != "import_from_statement" {
		return false
	}
	text := src[n.Start:n.End]
	if !bytes.HasSuffix(bytes.TrimRight(text, " \t\\\r\n"), []byte(",")) {
		return false
	}
	if n.Type() == "import_statement" {
		return true
	}
	// The names follow the `import` keyword: the first `import` after
	// `from` that is a whole word (`from importlib import x`, `from .import x`).
	word := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || (c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= 0x80
	}
	for i := len("from"); i+len("import") <= len(text); i++ {
		if !bytes.HasPrefix(text[i:], []byte("import")) || word(text[i-1]) ||
			i+len("import") < len(text) && word(text[i+len("import")]) {
			continue
		}
		rest := bytes.TrimLeft(text[i+len("import"):], " \t\\\r\n")
		return !bytes.HasPrefix(rest, []byte("("))
	}
	return false
}

// stringStartEnd returns where string n's opening delimiter ends (what
// tree-sitter's string_start spans): its prefix letters, then a backquote,
// or one quote, or three alike.
func stringStartEnd(src []byte, n *Node) uint32 {
	i := n.Start
	for i < n.End && (src[i]|0x20) >= 'a' && (src[i]|0x20) <= 'z' {
		i++
	}
	if i >= n.End {
		return n.End
	}
	if q := src[i]; (q == '\'' || q == '"') && i+3 <= n.End && src[i+1] == q && src[i+2] == q {
		return i + 3
	}
	return i + 1
}

func allZeros(t []byte) bool {
	for _, c := range t {
		if c != '0' && c != '_' {
			return false
		}
	}
	return true
}

func isHexLike(t []byte) bool {
	return len(t) > 1 && t[0] == '0' && (t[1]|0x20 == 'x' || t[1]|0x20 == 'b' || t[1]|0x20 == 'o')
}
