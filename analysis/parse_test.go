package analysis

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

const sample = `import time as t
from . import sibling

async def main(x=1, *args, y: int = 2, **kw):
    await t.sleep(x)
    return [i async for i in agen()]

class C(Base):
    def m(self):
        return self.h(lambda z: z + 1)
`

// TestFlattenMatchesBinding checks the C-side walk against smacker's Go API:
// same types, byte ranges and field names for every named node, in order,
// but for a string's delimiters (droppedTokens).
func TestFlattenMatchesBinding(t *testing.T) {
	sources := []string{sample, incrementalSeed, "def f(:\n  x = [1,\n# c\nclass C:\n  pass\n"}
	if large, err := os.ReadFile("../../corpus/files/large.py"); err == nil {
		sources = append(sources, string(large)) // lowered in two parts
	}
	for _, src := range sources {
		flattenMatchesBinding(t, []byte(src))
	}
}

func flattenMatchesBinding(t *testing.T, src []byte) {
	p := sitter.NewParser()
	p.SetLanguage(python.GetLanguage())
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	var rec func(n *sitter.Node, field string)
	rec = func(n *sitter.Node, field string) {
		if n.IsNamed() && !(n.Parent() != nil && !n.IsMissing() && slices.Contains(droppedTokens[n.Type()], n.Parent().Type())) {
			want = append(want, field+":"+n.Type()+":"+itoa(n.StartByte())+"-"+itoa(n.EndByte()))
		}
		for i := 0; i < int(n.ChildCount()); i++ {
			c := n.Child(i)
			field := n.FieldNameForChild(i)
			if c.Type() == "comment" {
				// tree-sitter 0.22's ts_node_field_name_for_child gives a
				// comment between fields the next field's name; the cursor
				// (which the walker uses) gives none, which is right.
				field = ""
			}
			rec(c, field)
		}
	}
	rec(tree.RootNode(), "")
	f := Lower("x.py", src, tree)
	var got []string
	f.Root.Walk(func(n *Node) bool {
		if n.Named() {
			got = append(got, n.Field()+":"+n.Type()+":"+itoa(n.Start)+"-"+itoa(n.End))
		}
		return true
	})
	for i := 0; i < len(got) || i < len(want); i++ {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			lo := max(i-3, 0)
			t.Fatalf("lowered tree differs from the binding's at named node %d (%d vs %d nodes)\n got: %v\nwant: %v",
				i, len(got), len(want), got[lo:min(i+3, len(got))], want[lo:min(i+3, len(want))])
		}
	}
}

func itoa(u uint32) string { return strconv.FormatUint(uint64(u), 10) }

// TestDroppedTokens: a statement's keyword and a string's delimiters are
// dropped under their parent and kept elsewhere; the Python 2 string
// forms are still reported at the opening delimiter.
func TestDroppedTokens(t *testing.T) {
	src := []byte("def f():\n    if x:\n        return 'a'\n    else:\n        pass\n    y = 1 if x else 2\n    for i in z:\n        continue\nb = ur'x'\nc = `x`\nd = rb'''q'''\ng = 'abc\n@dec\ndef h(a=1):\n    from m import n as o\n    h(a=2)\n    match p:\n        case C(k=1):\n            pass\n")
	f := Parse("x.py", src)
	counts := map[string]int{}
	f.Root.Walk(func(n *Node) bool {
		p := n.Parent()
		if p != nil && slices.Contains(droppedTokens[n.Type()], p.Type()) {
			t.Errorf("%s kept under %s at %d", n.Type(), p.Type(), n.Start)
		}
		counts[n.Type()]++
		return true
	})
	// The conditional expression keeps its `if` and `else`, the ERROR its
	// string_start, the keyword pattern its `=`.
	if counts["if"] != 1 || counts["else"] != 1 || counts["string_start"] != 1 || counts["def"] != 0 || counts["return"] != 0 || counts["="] != 1 || counts["@"] != 0 {
		t.Errorf("token counts %v", counts)
	}
	var got []string
	for _, e := range f.SyntaxErrors {
		got = append(got, string(src[e.Start:e.End])+": "+e.Message)
	}
	want := []string{
		"ur': syntax error: a `ur` string prefix is Python 2 syntax (asyncls reads Python 3)",
		"`: syntax error: a backquoted expression is Python 2 syntax (asyncls reads Python 3)",
	}
	if len(got) < 2 || !slices.Equal(got[:2], want) {
		t.Errorf("syntax errors %q, want first %q", got, want)
	}
}

func TestParentLinksAndTokens(t *testing.T) {
	f := Parse("x.py", []byte(sample))
	f.Root.Walk(func(n *Node) bool {
		for _, c := range n.Children() {
			if c.Parent() != n {
				t.Fatalf("child %s of %s has wrong parent", c.Type(), n.Type())
			}
			if c.Start < n.Start || c.End > n.End {
				t.Fatalf("child %s [%d,%d) outside parent %s [%d,%d)", c.Type(), c.Start, c.End, n.Type(), n.Start, n.End)
			}
			if c.Type() == "," || c.Type() == "(" {
				t.Fatalf("punctuation %q was kept", c.Type())
			}
		}
		return true
	})
	var asyncDef *Node
	f.Root.Walk(func(n *Node) bool {
		if n.Type() == "function_definition" && n.HasToken("async") {
			asyncDef = n
		}
		return true
	})
	if asyncDef == nil || f.Text(asyncDef.ChildByField("name")) != "main" {
		t.Fatal("async def main not found through its async token")
	}
}

func TestSyntaxErrorsKeepTheRest(t *testing.T) {
	src := "import time\n\ndef broken(:\n    pass\n\nasync def ok():\n    time.sleep(1)\n"
	f := Parse("x.py", []byte(src))
	if len(f.SyntaxErrors) == 0 {
		t.Fatal("no syntax error reported")
	}
	if line := f.Lines.Position(int(f.SyntaxErrors[0].Start)).Line; line != 2 {
		t.Errorf("syntax error on line %d, want 2 (0-based)", line)
	}
	m := BuildModule(f, "x", false)
	found := false
	for _, c := range m.Calls {
		if c.Callee == "time.sleep" && c.InAsync() {
			found = true
		}
	}
	if !found {
		t.Error("the valid async def after the error was not analysed")
	}
}

func TestCheckSource(t *testing.T) {
	if err := CheckSource([]byte("x = 'é'\n")); err != nil {
		t.Errorf("valid UTF-8 rejected: %v", err)
	}
	err := CheckSource([]byte("x = 1\n\xff\xfe\n"))
	if err == nil || !strings.Contains(err.Error(), "offset 6") {
		t.Errorf("want a UTF-8 error naming offset 6, got %v", err)
	}
	if err := CheckSource(make([]byte, MaxFileSize+1)); err == nil {
		t.Error("oversized file accepted")
	}
}

func TestParseOddInputsDoNotPanic(t *testing.T) {
	for _, src := range []string{"", "\n", "(((((((((", strings.Repeat("(", 10000), "def f(:\n", "\x00\x01", "async", "'''", "match x:\n case {**r}: pass\n"} {
		f := Parse("x.py", []byte(src))
		BuildModule(f, "x", false)
	}
}

// TestWalkMatchesChildren: Walk scans lowered trees in memory order; it must
// visit what a recursion over Children visits, also when fn skips subtrees.
func TestWalkMatchesChildren(t *testing.T) {
	sources := []string{sample, incrementalSeed, "def f(:\n  x = [1,\n# c\nclass C:\n  pass\n", ""}
	if large, err := os.ReadFile("../../corpus/files/large.py"); err == nil {
		sources = append(sources, string(large))
	}
	var recurse func(n *Node, fn func(*Node) bool)
	recurse = func(n *Node, fn func(*Node) bool) {
		if fn(n) {
			for _, c := range n.Children() {
				recurse(c, fn)
			}
		}
	}
	for _, src := range sources {
		f := Parse("m.py", []byte(src))
		for _, skip := range []string{"", "call", "block", "function_definition"} {
			var want, got []*Node
			recurse(f.Root, func(n *Node) bool { want = append(want, n); return n.Type() != skip })
			f.Root.Walk(func(n *Node) bool { got = append(got, n); return n.Type() != skip })
			if len(got) != len(want) {
				t.Fatalf("skipping %q: Walk visited %d nodes, the recursion %d", skip, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("skipping %q: node %d differs", skip, i)
				}
			}
			// From an inner node too.
			if top := f.Root.ChildList(); len(top) > 0 {
				inner := top[len(top)/2]
				want, got = nil, nil
				recurse(inner, func(n *Node) bool { want = append(want, n); return n.Type() != skip })
				inner.Walk(func(n *Node) bool { got = append(got, n); return n.Type() != skip })
				if len(got) != len(want) {
					t.Fatalf("inner, skipping %q: Walk visited %d nodes, the recursion %d", skip, len(got), len(want))
				}
			}
		}
	}
	// A Node built by hand has no children.
	var n int
	NewNode("module", 0, 0).Walk(func(*Node) bool { n++; return true })
	if n != 1 {
		t.Fatalf("hand-built node: %d nodes visited, want 1", n)
	}
}

// TestChildrenMatchParents: Children (found from the subtree sizes) yields
// exactly the nodes whose Parent is the node, in source order, and
// FirstChild and HasChildren agree with it.
func TestChildrenMatchParents(t *testing.T) {
	sources := []string{sample, incrementalSeed, "def f(:\n  x = [1,\n# c\nclass C:\n  pass\n", "", "x = 1; y = 2\nif x:\n    pass  # c\n"}
	if large, err := os.ReadFile("../../corpus/files/large.py"); err == nil {
		sources = append(sources, string(large))
	}
	for _, src := range sources {
		f := Parse("m.py", []byte(src))
		want := map[*Node][]*Node{}
		var all []*Node
		f.Root.Walk(func(n *Node) bool {
			all = append(all, n)
			if n.Parent() != nil {
				want[n.Parent()] = append(want[n.Parent()], n)
			}
			return true
		})
		for _, n := range all {
			got := n.ChildList()
			if len(got) != len(want[n]) {
				t.Fatalf("%q: %s at %d has %d children, %d nodes name it their parent", src[:min(len(src), 20)], n.Type(), n.Start, len(got), len(want[n]))
			}
			for i := range got {
				if got[i] != want[n][i] {
					t.Fatalf("%s at %d: child %d differs", n.Type(), n.Start, i)
				}
				if i > 0 && got[i].Start < got[i-1].End {
					t.Fatalf("%s at %d: child %d starts before the one before it ends", n.Type(), n.Start, i)
				}
			}
			if n.HasChildren() != (len(got) > 0) || (len(got) > 0 && n.FirstChild() != got[0]) {
				t.Fatalf("%s at %d: HasChildren/FirstChild disagree with Children", n.Type(), n.Start)
			}
		}
	}
}

// TestParserInputLimits: valid Python that tree-sitter-python's scanner
// cannot read as written (lone CR line endings; indentation of 256 columns
// or more, which it stores in a byte) parses without syntax errors and with
// offsets into the original source; what cannot be worked around is said.
func TestParserInputLimits(t *testing.T) {
	var nested strings.Builder
	nested.WriteString("async def f():\n")
	for i := 1; i <= 70; i++ {
		nested.WriteString(strings.Repeat("    ", i) + "if x:\n")
	}
	nested.WriteString(strings.Repeat("    ", 71) + "g()\n")
	nested.WriteString("    h()\n")
	for name, src := range map[string]string{
		"nested":  nested.String(),
		"indent":  "def f():\n    if x:\n" + strings.Repeat(" ", 300) + "g()\n    h()\n",
		"tabs":    "def f():\n    if x:\n" + strings.Repeat("\t", 40) + "g()\n    h()\n",
		"cr only": "def f():\r    g()\r    h()\r",
		"mixed":   "def f():\r\n    g()\r    h()\n",
	} {
		for _, f := range []*File{Parse(name, []byte(src)), NewIncremental(name, []byte(src)).Parse()} {
			if len(f.SyntaxErrors) > 0 {
				t.Errorf("%s: syntax errors %v", name, f.SyntaxErrors)
			}
			if string(f.Src) != src {
				t.Errorf("%s: the file's source was changed", name)
			}
			calls := 0
			f.Root.Walk(func(n *Node) bool {
				if n.Type() == "call" {
					calls++
					if txt := f.Text(n); txt != "g()" && txt != "h()" {
						t.Errorf("%s: call text %q: offsets do not refer to the source", name, txt)
					}
				}
				return true
			})
			if calls != 2 {
				t.Errorf("%s: %d calls, want 2", name, calls)
			}
		}
	}
	// 300 different indentation widths, 256 columns and more: more than the
	// scanner can keep apart. The parse is not trusted, and says so.
	var wide strings.Builder
	wide.WriteString("x = [\n")
	for i := 1; i <= 300; i++ {
		wide.WriteString(strings.Repeat(" ", i) + "1,\n")
	}
	wide.WriteString("]\n")
	f := Parse("wide.py", []byte(wide.String()))
	if len(f.SyntaxErrors) == 0 || !strings.Contains(f.SyntaxErrors[0].Message, "findings for this file are incomplete") {
		t.Errorf("wide: %v", f.SyntaxErrors)
	}
}

func TestPython2SyntaxIsAnError(t *testing.T) {
	for src, want := range map[string]string{
		"print 'x'\n":       "a `print` statement",
		"print 'x', y\n":    "a `print` statement",
		"exec 'x = 1'\n":    "an `exec` statement",
		"y = `x`\n":         "a backquoted expression",
		"if a <> b: pass\n": "the `<>` operator",
		"x = 0777\n":        "an octal literal without `0o`",
		"x = 10L\n":         "a long integer literal",
		"s = ur'x'\n":       "a `ur` string prefix",
	} {
		f := Parse("py2.py", []byte(src))
		if len(f.SyntaxErrors) != 1 || !strings.Contains(f.SyntaxErrors[0].Message, want+" is Python 2 syntax") {
			t.Errorf("%q: %v", src, f.SyntaxErrors)
		}
	}
	for _, src := range []string{"print\n", "print(1, file=x)\n", "exec(code)\n", "f = print\n", "x = 0o777 + 0 + 00 + 0x1F + 0_0\n",
		"s = rb'x' + Rb'y' + br'z' + u'x'\n", "print (x)\n", "x = 0xFF\n", "x = 1e10\n", "x = 10j\n",
		// A chevron is a shift of the print function (CPython's test_print).
		"print >> sys.stderr, 'message'\n", "print >>42\n"} {
		if f := Parse("py3.py", []byte(src)); len(f.SyntaxErrors) > 0 {
			t.Errorf("%q: Python 3 flagged: %v", src, f.SyntaxErrors)
		}
	}
}

// TestKeywordAsNameIsAnError: error recovery can read a stray `else:` as an
// annotated name `else: x`; that is a syntax error, never a clean file.
func TestKeywordAsNameIsAnError(t *testing.T) {
	for _, src := range []string{"else:\n  x\n", "except:\n  x\n", "finally:\n  x\n"} {
		f := Parse("x.py", []byte(src))
		if len(f.SyntaxErrors) == 0 || !strings.Contains(f.SyntaxErrors[0].Message, "is a keyword, not a name") {
			t.Errorf("%q: %v", src, f.SyntaxErrors)
		}
	}
	for _, src := range []string{"match = 1\ncase = 2\ntype = 3\n_ = 4\n", "async def f():\n    await g()\n", "x: None = None\n"} {
		if f := Parse("x.py", []byte(src)); len(f.SyntaxErrors) > 0 {
			t.Errorf("%q: %v", src, f.SyntaxErrors)
		}
	}
}

// TestStatementsOnOneLineNeedASemicolon: tree-sitter's recovery reads `e()0`
// as two statements with no ERROR node (found by FuzzCheck: the ASL102 fix
// then "broke" a file Python already rejects). Serial and two-part lowering
// must agree, including at the parts' boundary.
func TestStatementsOnOneLineNeedASemicolon(t *testing.T) {
	defer func(n uint32) { parallelLowerNodes = n }(parallelLowerNodes)
	var many strings.Builder
	for i := 0; i < 40; i++ {
		many.WriteString("x = 1\n")
	}
	half := many.String()
	// Comments among top-level statements: the check skips them, and must
	// not step into the other part's slots (filled at the same time; a
	// data race and a nil pointer once).
	commented := strings.Repeat("x = 1\n# c\n", 80)
	for _, src := range []string{
		"async def e():\n ()\n e()0",
		"if 1:\n    pass\n    e()x\n",
		"x = 1\n(e)0\n",
		"pass\nf(e)(1)0\n",
		half + "e()0\n" + half,
		half + "f()\ne()0\n" + half,
		commented + "e()0\n" + commented,
	} {
		for _, parallel := range []uint32{^uint32(0), 0} {
			parallelLowerNodes = parallel
			f := Parse("x.py", []byte(src))
			if len(f.SyntaxErrors) != 1 || !strings.Contains(f.SyntaxErrors[0].Message, "need a `;`") {
				t.Errorf("%q (parallel threshold %d): %v", src, parallel, f.SyntaxErrors)
			}
		}
	}
	for _, src := range []string{
		"if 1: a; b\n", "x = 1; y = 2;\n", "class A: x = 1; y = 2\n", "x = 1  # c\ny = 2\n",
		"x = 1\r\ny = 2\r\n", "x = 1\ry = 2\r", "def f(): return 1\nf()\n", "if x:\n  a\nelse: b\n",
		"match x:\n case 1: a\n case _: b\n", half + half, half + "a; b\n" + half,
		commented, "# c\n" + commented, "# c\n# c\n" + commented, "x = 1\n" + commented,
		// A trailing backslash before a blank line (real code ends multi-line flag unions so).
		"A = 1\\\n    | 2\\\n\n# c\nB = A\\\n    | 3\\\n\nC = 4\n",
	} {
		for _, parallel := range []uint32{^uint32(0), 0} {
			parallelLowerNodes = parallel
			if f := Parse("x.py", []byte(src)); len(f.SyntaxErrors) > 0 {
				t.Errorf("%q (parallel threshold %d): %v", src, parallel, f.SyntaxErrors)
			}
		}
	}
}

// TestNodeSize: a lowered tree is most of what `check` keeps in memory
// (docs/performance.md, "Memory"); a field added to Node grows every tree.
func TestNodeSize(t *testing.T) {
	if size := unsafe.Sizeof(Node{}); size != 16 {
		t.Fatalf("a Node is %d bytes, want 16: see docs/performance.md before growing it", size)
	}
}

// TestCallSize: a project keeps every call and scope of every module (about
// 220,000 calls on the 1M-line corpus of docs/performance.md, "Memory"); a
// Call is 80 bytes, a size class of its own, with Usage beside
// CalleeInstance, and so is a Scope.
func TestCallSize(t *testing.T) {
	if size := unsafe.Sizeof(Call{}); size != 80 {
		t.Fatalf("a Call is %d bytes, want 80: see docs/performance.md before growing it", size)
	}
	if size := unsafe.Sizeof(Scope{}); size != 80 {
		t.Fatalf("a Scope is %d bytes, want 80: see docs/performance.md before growing it", size)
	}
}

// TestTreeNodeLimit: a tree with more nodes than a Node's links can
// address is reported, not lowered into wrong parents and subtrees.
func TestTreeNodeLimit(t *testing.T) {
	src := []byte("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n")
	whole := Parse("ok.py", src)
	if len(whole.SyntaxErrors) != 0 || !whole.Root.HasChildren() {
		t.Fatalf("below the limit: errors %v, children %v", whole.SyntaxErrors, whole.Root.HasChildren())
	}
	nodes := 0
	whole.Root.Walk(func(*Node) bool { nodes++; return true })
	defer func(limit int) { treeNodeLimit = limit }(treeNodeLimit)
	treeNodeLimit = nodes
	if f := Parse("ok.py", src); len(f.SyntaxErrors) != 0 {
		t.Fatalf("a tree of exactly the limit is reported: %v", f.SyntaxErrors)
	}
	treeNodeLimit = nodes - 1
	f := Parse("big.py", src)
	if len(f.SyntaxErrors) != 1 || !strings.Contains(f.SyntaxErrors[0].Message, "syntax nodes, more than") {
		t.Fatalf("over the limit: errors %v", f.SyntaxErrors)
	}
	if f.Root.Type() != "module" || f.Root.HasChildren() || f.Root.End != uint32(len(src)) {
		t.Fatalf("over the limit: root %s with children %v, end %d", f.Root.Type(), f.Root.HasChildren(), f.Root.End)
	}
}

// TestLinksPackEveryField: each field of a Node's links reads back what
// was packed at its widest, without touching its neighbours.
func TestLinksPackEveryField(t *testing.T) {
	n := Node{links: packLinks(descendantsMask, 0, kindMask, fieldMask, nodeNamed|nodeMissing)}
	n.setUp(upMask)
	if n.descendants() != descendantsMask || n.up() != upMask || n.kind() != kindMask || n.field() != fieldMask || !n.Named() || !n.Missing() {
		t.Fatalf("links %x: descendants %d up %d kind %d field %d flags %d", n.links, n.descendants(), n.up(), n.kind(), n.field(), n.flags())
	}
	n = Node{links: packLinks(1, 0, 2, 3, 0)}
	n.setUp(4)
	n.links++ // what lowering does to count a subtree
	if n.descendants() != 2 || n.up() != 4 || n.kind() != 2 || n.field() != 3 || n.Named() || n.Missing() {
		t.Fatalf("links %x: descendants %d up %d kind %d field %d flags %d", n.links, n.descendants(), n.up(), n.kind(), n.field(), n.flags())
	}
}

// A tuple without parentheses whose starred element's operand is
// bracketed is valid Python that tree-sitter-python rejects; the parse is
// redone with the tuple parenthesised, offsets mapped back to the source.
func TestBareStarredTupleParses(t *testing.T) {
	for name, c := range map[string]struct{ src, tuple, splat string }{
		"return":      {"def f(v, x):\n    return v, *(x or ('', False))\n", "v, *(x or ('', False))", "*(x or ('', False))"},
		"return list": {"def f(v, x):\n    return v, *[x]  # note\n", "v, *[x]", "*[x]"},
		"first":       {"def f(v, x):\n    return *(x or 1), v\n", "*(x or 1), v", "*(x or 1)"},
		"yield":       {"def f(v, x):\n    yield v, *(x)\n", "v, *(x)", "*(x)"},
		"assign":      {"def f(v, x):\n    y = v, *(x or 1)\n    return y\n", "v, *(x or 1)", "*(x or 1)"},
		"two lines":   {"def f(v, x):\n    s = ', *('\n    return v, *(x or s)\n\n\ndef g(x):\n    a, b = 1, *[x]\n", "v, *(x or s)", "*(x or s)"},
	} {
		for _, f := range []*File{Parse(name, []byte(c.src)), NewIncremental(name, []byte(c.src)).Parse()} {
			if len(f.SyntaxErrors) > 0 {
				t.Errorf("%s: syntax errors %v", name, f.SyntaxErrors)
			}
			if string(f.Src) != c.src {
				t.Errorf("%s: the file's source was changed", name)
			}
			var tuples, splats []string
			f.Root.Walk(func(n *Node) bool {
				switch n.Type() {
				case "tuple", "expression_list":
					tuples = append(tuples, f.Text(n))
				case "list_splat":
					splats = append(splats, f.Text(n))
				}
				return true
			})
			if len(tuples) == 0 || tuples[0] != c.tuple || len(splats) == 0 || splats[0] != c.splat {
				t.Errorf("%s: tuples %q, splats %q; want %q, %q", name, tuples, splats, c.tuple, c.splat)
			}
			if f.Lines.LineCount() != strings.Count(c.src, "\n")+1 {
				t.Errorf("%s: %d lines", name, f.Lines.LineCount())
			}
		}
	}
	// A real syntax error elsewhere is still reported, once, at its place.
	src := "def f(v, x):\n    return v, *(x or 1)\n\ndef g(:\n    pass\n"
	f := Parse("mixed.py", []byte(src))
	if len(f.SyntaxErrors) != 1 || f.SyntaxErrors[0].Start < uint32(strings.Index(src, "def g")) {
		t.Errorf("mixed: %v", f.SyntaxErrors)
	}
}

// TestUnparenthesizedTrailingCommaInImport: tree-sitter's grammar takes
// `from m import a, b,` and `import a,`; CPython rejects both ("trailing
// comma not allowed without surrounding parentheses"), and corpus27's
// Mercury has such an `app/db/__init__.py`. The parenthesized form, a comma
// inside a name list followed by more names on a continued line, and other
// statements ending in a comma (a one-element tuple) are Python.
func TestUnparenthesizedTrailingCommaInImport(t *testing.T) {
	for _, src := range []string{"from m import a, b, \n", "from .m import a,\n", "import os,\n",
		"def f():\n    from m import a, b,  # comment\n    return a\n", "from m import a, \\\n    b,\n"} {
		f := Parse("x.py", []byte(src))
		if len(f.SyntaxErrors) != 1 || !strings.Contains(f.SyntaxErrors[0].Message, "trailing comma") {
			t.Errorf("%q: %v", src, f.SyntaxErrors)
		}
	}
	for _, src := range []string{"from m import (a, b,)\n", "from m import (\n    a,\n    b,\n)\n", "from m import a, \\\n    b\n",
		"import os, sys\n", "x = 1,\n", "from m import a as b\n", "from m import *\n", "from .import a\n", "from importlib import a\n"} {
		if f := Parse("x.py", []byte(src)); len(f.SyntaxErrors) > 0 {
			t.Errorf("%q: Python flagged: %v", src, f.SyntaxErrors)
		}
	}
}

// TestExceptTypesWithoutParentheses: Python 3.14 (PEP 758) accepts
// `except A, B, C:` without `as`; it parses, with the same tree as the
// parenthesized tuple, and offsets still refer to the source.
func TestExceptTypesWithoutParentheses(t *testing.T) {
	src := "try:\n    pass\nexcept A, B:\n    pass\nexcept ValueError, mod.TypeError, f(x, y):\n    pass\n" +
		"except C < D:\n    pass\nexcept (E, F) as e:\n    pass\n"
	for _, f := range []*File{Parse("pep758.py", []byte(src)), NewIncremental("pep758.py", []byte(src)).Parse()} {
		if len(f.SyntaxErrors) > 0 {
			t.Fatalf("syntax errors %v", f.SyntaxErrors)
		}
		var got []string
		f.Root.Walk(func(n *Node) bool {
			if n.Type() == "except_clause" {
				for _, c := range n.NamedChildren() {
					if c.Type() == "block" {
						continue
					}
					var elems []string
					for _, e := range c.NamedChildren() {
						elems = append(elems, f.Text(e))
					}
					got = append(got, fmt.Sprintf("%s %q %q", c.Type(), f.Text(c), elems))
				}
			}
			return true
		})
		want := []string{
			`tuple "A, B" ["A" "B"]`,
			`tuple "ValueError, mod.TypeError, f(x, y)" ["ValueError" "mod.TypeError" "f(x, y)"]`,
			`comparison_operator "C < D" ["C" "D"]`,
			`as_pattern "(E, F) as e" ["(E, F)" "e"]`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// Still a syntax error in Python 3.14: a trailing comma after the types.
	for _, bad := range []string{"try:\n    pass\nexcept A, B, C,:\n    pass\n"} {
		if f := Parse("bad.py", []byte(bad)); len(f.SyntaxErrors) == 0 {
			t.Errorf("%q: no syntax error", bad)
		}
	}
}

// TestEmptyBlockIsAnError: tree-sitter's recovery gives a clause whose body
// is missing an empty block and no ERROR node (icubam's backoffice handler,
// corpus33: `except Exception as e:` followed by a line at the clause's
// indentation); Python rejects it ("expected an indented block").
func TestEmptyBlockIsAnError(t *testing.T) {
	for _, src := range []string{
		"def f(x):\n    try:\n        g()\n    except Exception as e:\n    data = [1]\n    return data\n",
		"if x:\ny = 1\n",
		"for i in r:\n# a comment only\nz = 2\n",
	} {
		f := Parse("x.py", []byte(src))
		if len(f.SyntaxErrors) == 0 {
			t.Errorf("%q: no syntax error", src)
		}
	}
	for _, src := range []string{"def f(): pass\n", "class A: ...\n", "if x:\n    # why\n    y = 1\n", "while x: x -= 1\n",
		"try:\n    g()\nexcept E:\n    pass\n"} {
		if f := Parse("x.py", []byte(src)); len(f.SyntaxErrors) > 0 {
			t.Errorf("%q: %v", src, f.SyntaxErrors)
		}
	}
}

// An annotation whose generic type is an operand of `or`, `and` or a
// conditional expression (`a: list[str] or None = None`, `-> list["X"] or
// "X":`, corpus36's aiogithubapi) is valid Python that tree-sitter-python
// rejects; the parse is redone with the annotation parenthesised, offsets
// mapped back to the source. An annotation that is not valid Python stays
// an error.
func TestGenericAnnotationOperandParses(t *testing.T) {
	for name, c := range map[string]struct{ src, ann string }{
		"parameter":  {"async def f(a: list[str] or None = None, b: int = 1):\n    pass\n", "list[str] or None"},
		"return":     {"async def f(path: str or None = None) -> list[\"Content\"] or \"Content\":\n    pass\n", "list[\"Content\"] or \"Content\""},
		"variable":   {"x: dict[str, int] or None = None\n", "dict[str, int] or None"},
		"and":        {"class C:\n    y: list[int] and int\n", "list[int] and int"},
		"if":         {"def f(a: list[str] if T else None):\n    pass\n", "list[str] if T else None"},
		"continued":  {"def f(\n    labels: list[\n        str\n    ] or None = None,\n    n: int = 0,\n):\n    pass\n", "list[\n        str\n    ] or None"},
		"equal test": {"def f(a: list[str] or b == 1 = None):\n    pass\n", "list[str] or b == 1"},
	} {
		for _, f := range []*File{Parse(name, []byte(c.src)), NewIncremental(name, []byte(c.src)).Parse()} {
			if len(f.SyntaxErrors) > 0 {
				t.Errorf("%s: syntax errors %v", name, f.SyntaxErrors)
			}
			if string(f.Src) != c.src {
				t.Errorf("%s: the file's source was changed", name)
			}
			var anns []string
			f.Root.Walk(func(n *Node) bool {
				if n.Type() == "type" && (n.Field() == "type" || n.Field() == "return_type") {
					if e := n.FirstChild(); e != nil && e.Type() == "parenthesized_expression" {
						anns = append(anns, f.Text(e))
					}
				}
				return true
			})
			if len(anns) != 1 || anns[0] != c.ann {
				t.Errorf("%s: annotations %q, want %q", name, anns, c.ann)
			}
		}
	}
	for _, bad := range []string{
		"def f(a: list[str] or = None):\n    pass\n",
		"x: list[str] or\n",
		"def f() -> list[str] or:\n    pass\n",
	} {
		if f := Parse("bad.py", []byte(bad)); len(f.SyntaxErrors) == 0 {
			t.Errorf("%q: no syntax error", bad)
		}
	}
}

// TestStarredCallInDisplay: tree-sitter-python reads `[*f(x)]` and
// `{*f(x)}` as a call of `*f` (and `[*o.m(x)]` as a call of an attribute of
// `*o`); the lowered tree has what Python means, the starred call, attribute
// or subscript (renestStarredElements), with the callee and arguments under
// it and every parent link consistent. What was read right stays.
func TestStarredCallInDisplay(t *testing.T) {
	src := "a = [*f(1)]\nb = {*g(x, k=2), 3}\nc = [*o.m(1)]\nd = [*n]\ne = [0, *h()]\nf = [*o.m(1).p[2](3)]\ng = *x[0],\n"
	f := Parse("m.py", []byte(src))
	if len(f.SyntaxErrors) > 0 {
		t.Fatalf("syntax errors: %v", f.SyntaxErrors)
	}
	var got []string
	f.Root.Walk(func(n *Node) bool {
		if n.Type() == "list_splat" {
			op := n.ChildList()[len(n.ChildList())-1]
			s := f.Text(n) + " -> " + op.Type()
			if op.Type() == "call" {
				s += "(" + f.Text(op.ChildByField("function")) + ", " + f.Text(op.ChildByField("arguments")) + ")"
			}
			got = append(got, s)
		}
		if n.Type() == "call" {
			if fn := n.ChildByField("function"); fn == nil || fn.Type() == "list_splat" {
				t.Errorf("call %q has callee %v", f.Text(n), fn)
			}
		}
		return true
	})
	want := []string{
		"*f(1) -> call(f, (1))",
		"*g(x, k=2) -> call(g, (x, k=2))",
		"*o.m(1) -> call(o.m, (1))",
		"*n -> identifier",
		"*h() -> call(h, ())",
		"*o.m(1).p[2](3) -> call(o.m(1).p[2], (3))",
		"*x[0] -> subscript",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("starred elements:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Parents and children agree after the re-nesting.
	f.Root.Walk(func(n *Node) bool {
		for _, c := range n.ChildList() {
			if c.Parent() != n {
				t.Errorf("%s %q: child %s's parent is %v", n.Type(), f.Text(n), c.Type(), c.Parent())
			}
			if c.Start < n.Start || c.End > n.End {
				t.Errorf("%s %q: child %s [%d,%d) outside it", n.Type(), f.Text(n), c.Type(), c.Start, c.End)
			}
		}
		return true
	})
}
