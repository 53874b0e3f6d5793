// Package analysis parses Python source and builds the semantic model that
// every asyncls surface (check, the language server, the simulator) reads.
//
// It is the only package that imports tree-sitter. A tree-sitter tree is not
// safe for concurrent reads, so each parse is lowered once into plain Go
// values (Node) that are never mutated afterwards and may be shared freely
// between goroutines.
package analysis

import (
	"context"
	"fmt"
	"sync"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

// Node is one syntax node of the lowered tree. Punctuation tokens are
// dropped; keywords and operators ("async", "await", "+", "not") are kept
// because rules and the simulator read them.
type Node struct {
	Type     string // tree-sitter node type: "call", "identifier", "+", ...
	Field    string // field name in the parent ("function", "body", ...), or ""
	Start    uint32 // byte offset
	End      uint32 // byte offset (exclusive)
	Parent   *Node
	Children []*Node
	Named    bool
	Missing  bool // inserted by error recovery
}

// ChildByField returns the first child with the given field name.
func (n *Node) ChildByField(field string) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Field == field {
			return c
		}
	}
	return nil
}

// ChildrenByField returns all children with the given field name.
func (n *Node) ChildrenByField(field string) []*Node {
	var out []*Node
	for _, c := range n.Children {
		if c.Field == field {
			out = append(out, c)
		}
	}
	return out
}

// NamedChildren returns the named children (no keywords or operators).
func (n *Node) NamedChildren() []*Node {
	out := make([]*Node, 0, len(n.Children))
	for _, c := range n.Children {
		if c.Named && c.Type != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// HasToken reports whether n has a direct anonymous child token typ (e.g. "async").
func (n *Node) HasToken(typ string) bool {
	for _, c := range n.Children {
		if !c.Named && c.Type == typ {
			return true
		}
	}
	return false
}

// Walk calls fn for n and its descendants in pre-order; returning false skips
// the node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, c := range n.Children {
		c.Walk(fn)
	}
}

// Unparen strips enclosing parentheses.
func Unparen(n *Node) *Node {
	for n != nil && n.Type == "parenthesized_expression" {
		named := n.NamedChildren()
		if len(named) != 1 {
			return n
		}
		n = named[0]
	}
	return n
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

// Text returns the source text of n.
func (f *File) Text(n *Node) string {
	if n == nil {
		return ""
	}
	return string(f.Src[n.Start:n.End])
}

// MaxFileSize bounds what is parsed; larger files are reported, not analysed,
// so one generated blob cannot stall an editor or a CI run.
const MaxFileSize = 16 << 20

// ErrNotUTF8 is returned for source that is not valid UTF-8 (PEP 3120).
type ErrNotUTF8 struct{ Offset int }

func (e *ErrNotUTF8) Error() string {
	return fmt.Sprintf("not valid UTF-8 (first bad byte at offset %d); Python source must be UTF-8", e.Offset)
}

// CheckSource validates bytes before parsing.
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
		return &ErrNotUTF8{Offset: off}
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
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil || tree == nil {
		// Only cancellation or a missing language make tree-sitter fail.
		return &File{Path: path, Src: src, Root: &Node{Type: "module", End: uint32(len(src)), Named: true}, Lines: NewLineIndex(src),
			SyntaxErrors: []SyntaxError{{Message: "parser failed: " + fmt.Sprint(err)}}}
	}
	defer tree.Close()
	return Lower(path, src, tree)
}

type symbolInfo struct {
	name string
	keep bool
}

var (
	symbolsOnce sync.Once
	symbols     []symbolInfo
	symbolKeep  []uint8 // 1 where symbols[i].keep, for the C walker
	fieldNames  []string
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
	for i := 0; ; i++ {
		if i > 0 && lang.FieldName(i) == "" {
			break
		}
		fieldNames = append(fieldNames, lang.FieldName(i))
	}
}

// Lower converts a tree-sitter tree of src into immutable Nodes. It is used
// for full parses and by the language server after incremental reparses.
func Lower(path string, src []byte, tree *sitter.Tree) *File {
	return lower(path, src, tree, nil)
}

// lower is Lower with the line index of src when the caller already has it.
func lower(path string, src []byte, tree *sitter.Tree, lines *LineIndex) *File {
	symbolsOnce.Do(loadSymbols)
	if lines == nil {
		lines = NewLineIndex(src)
	}
	flat, release := flatten(tree)
	defer release()
	f := &File{Path: path, Src: src, Lines: lines}
	if len(flat) == 0 {
		f.Root = &Node{Type: "module", End: uint32(len(src)), Named: true}
		return f
	}
	// The walker kept only the nodes that survive lowering and counted each
	// one's children, so one slab of nodes and one of child pointers, both
	// sized exactly, hold the whole tree. In pre-order a parent comes before
	// its children, so its Children slice exists when they are appended.
	slab := make([]Node, len(flat))
	childSlab := make([]*Node, len(flat)-1)
	off := 0
	for i := range flat {
		fn := &flat[i]
		n := &slab[i]
		switch {
		case fn.symbol == 0xFFFF:
			n.Type = "ERROR"
		case int(fn.symbol) < len(symbols):
			n.Type = symbols[fn.symbol].name
		default:
			n.Type = "?"
		}
		if int(fn.field) < len(fieldNames) {
			n.Field = fieldNames[fn.field]
		}
		n.Start, n.End = fn.start, fn.end
		n.Named = fn.flags&1 != 0
		n.Missing = fn.flags&2 != 0
		if c := int(fn.nchild); c > 0 && off+c <= len(childSlab) {
			n.Children = childSlab[off : off : off+c]
			off += c
		}
		if i == 0 {
			continue
		}
		parent := &slab[fn.parent]
		n.Parent = parent
		parent.Children = append(parent.Children, n)
		switch {
		case n.Type == "ERROR":
			f.SyntaxErrors = append(f.SyntaxErrors, SyntaxError{Start: n.Start, End: n.End, Message: describeError(src, n)})
		case n.Missing:
			f.SyntaxErrors = append(f.SyntaxErrors, SyntaxError{Start: n.Start, End: n.End, Message: fmt.Sprintf("syntax error: missing %q", n.Type)})
		case n.Type == "comment":
			f.Comments = append(f.Comments, n)
		}
	}
	f.Root = &slab[0]
	// Errors nested inside another error add nothing for the reader.
	f.SyntaxErrors = outermostErrors(f.SyntaxErrors)
	return f
}

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
