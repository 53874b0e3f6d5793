package analysis

import (
	"bytes"
	"context"
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"
)

// TextEdit replaces bytes [Start, End) of a source with New. Offsets refer
// to the source as it is before this edit (edits of one batch apply in order,
// each to the result of the previous one, as LSP content changes do).
type TextEdit struct {
	Start, End int
	New        string
}

// Incremental keeps the tree-sitter tree of one open document so that edits
// reparse only what changed. It is owned by a single goroutine: a
// *sitter.Tree is not safe for concurrent use and is never shared. Readers
// get the lowered *File, which is immutable.
type Incremental struct {
	path string
	src  []byte
	tree *sitter.Tree
	// lines indexes src, kept up to date by each edit (nil: not computed).
	lines *LineIndex
	// dirty is true when edits were applied to src and tree since the last parse.
	dirty bool
	// full is true when the next parse must start from scratch.
	full bool
}

// NewIncremental starts tracking a document with content src.
func NewIncremental(path string, src []byte) *Incremental {
	return &Incremental{path: path, src: src, dirty: true, full: true}
}

// Src returns the current content. Callers must not modify it.
func (d *Incremental) Src() []byte { return d.src }

// Lines returns the line index of the current content.
func (d *Incremental) Lines() *LineIndex {
	if d.lines == nil {
		d.lines = NewLineIndex(d.src)
	}
	return d.lines
}

// Replace sets the whole content (a whole-document change): the next Parse
// is a full parse.
func (d *Incremental) Replace(src []byte) {
	d.src = src
	d.lines = nil
	d.dirty, d.full = true, true
}

// Apply applies one edit to the content and to the tree. It returns an
// error, and changes nothing, when the edit's range is outside the content.
func (d *Incremental) Apply(e TextEdit) error {
	if e.Start < 0 || e.End < e.Start || e.End > len(d.src) {
		return fmt.Errorf("edit [%d, %d) is outside the document (%d bytes)", e.Start, e.End, len(d.src))
	}
	// A new slice every time: Files lowered earlier keep pointing at the old
	// content, which readers may still be using.
	next := make([]byte, 0, len(d.src)-(e.End-e.Start)+len(e.New))
	next = append(next, d.src[:e.Start]...)
	next = append(next, e.New...)
	next = append(next, d.src[e.End:]...)
	if d.tree != nil && !d.full {
		start := pointAt(d.src, e.Start)
		oldEnd := advancePoint(start, d.src[e.Start:e.End])
		newEnd := advancePoint(start, []byte(e.New))
		d.tree.Edit(sitter.EditInput{
			StartIndex: uint32(e.Start), OldEndIndex: uint32(e.End), NewEndIndex: uint32(e.Start + len(e.New)),
			StartPoint: start, OldEndPoint: oldEnd, NewEndPoint: newEnd,
		})
	}
	if d.lines != nil {
		d.lines = d.lines.Edited(next, e)
	}
	d.src = next
	d.dirty = true
	return nil
}

// Parse brings the tree up to date with the content (incrementally when the
// previous tree can be reused) and lowers it into an immutable File.
func (d *Incremental) Parse() *File {
	p := parserPool.Get().(*sitter.Parser)
	defer parserPool.Put(p)
	in, problem := parserInput(d.src)
	rewritten := len(in) > 0 && &in[0] != &d.src[0]
	var old *sitter.Tree
	if !d.full && !rewritten {
		old = d.tree
	}
	// A background context: a cancelled parse would leave the pooled parser
	// in a state the next parse must not inherit.
	tree, err := p.ParseCtx(context.Background(), old, in)
	if err != nil || tree == nil {
		p.Reset()
		tree, err = p.ParseCtx(context.Background(), nil, in)
	}
	if err != nil || tree == nil {
		d.closeTree()
		d.full = true
		return &File{Path: d.path, Src: d.src, Root: NewNode("module", 0, uint32(len(d.src))), Lines: d.Lines(),
			SyntaxErrors: []SyntaxError{{Message: "parser failed: " + fmt.Sprint(err)}}}
	}
	if d.tree != nil && d.tree != tree {
		d.tree.Close()
	}
	d.tree = tree
	// A tree of a rewritten input does not match the edits of the content:
	// the next parse starts afresh.
	d.dirty, d.full = false, rewritten
	f := lower(d.path, d.src, tree, d.Lines())
	if problem == "" {
		f = grammarGapRetry(d.path, d.src, f)
	}
	untrusted(f, problem)
	return f
}

// Close releases the tree.
func (d *Incremental) Close() { d.closeTree() }

// DropTree releases the tree but keeps the content: the next Parse is a full
// parse. A server with many open documents keeps trees only for the ones
// being edited (a tree-sitter tree takes several times the source's size).
func (d *Incremental) DropTree() {
	d.closeTree()
	d.full = true
}

func (d *Incremental) closeTree() {
	if d.tree != nil {
		d.tree.Close()
		d.tree = nil
	}
}

// pointAt returns the tree-sitter point (row, byte column) of offset off.
// tree-sitter counts rows by "\n" only.
func pointAt(src []byte, off int) sitter.Point {
	before := src[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return sitter.Point{Row: uint32(bytes.Count(before, []byte{'\n'})), Column: uint32(off - lineStart)}
}

// advancePoint returns the point reached from p after text.
func advancePoint(p sitter.Point, text []byte) sitter.Point {
	for _, b := range text {
		if b == '\n' {
			p.Row++
			p.Column = 0
		} else {
			p.Column++
		}
	}
	return p
}
