package analysis

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

const incrementalSeed = `import asyncio
import time


class Client:
    def __init__(self, url: str) -> None:
        self.url = url  # café 東京 🚀

    async def fetch(self, n):
        await asyncio.sleep(0.1)
        time.sleep(1)
        return [x * 2 for x in range(n) if x % 3]


async def main():
    c = Client("https://example.com/é")
    results = await asyncio.gather(*(c.fetch(i) for i in range(3)))
    if results:
        print(f"{len(results)} done")
    match results:
        case [first, *rest]:
            return first
        case _:
            return None


if __name__ == "__main__":
    asyncio.run(main())
`

// fragments are inserted by the random edits: Python tokens, whitespace,
// brackets that unbalance the file, and multi-byte characters.
var fragments = []string{"a", "x", " ", "\n", "\n    ", "(", ")", ":", "[", "]", "{", "}", "\"", "'", "#", "await ", "async ",
	"def f():\n    pass\n", "é", "東", "🚀", "\r\n", "\t", "0.5", ",", ".", "=", "return ", "lambda: 1", "\\", "\"\"\""}

// dumpTree renders every node with its type, field, range and flags.
func dumpTree(f *File) string {
	var b strings.Builder
	var walk func(n *Node, depth int)
	walk = func(n *Node, depth int) {
		fmt.Fprintf(&b, "%*s%s %s [%d,%d) named=%v missing=%v\n", depth, "", n.Type(), n.Field(), n.Start, n.End, n.Named(), n.Missing())
		for _, c := range n.Children() {
			walk(c, depth+1)
		}
	}
	walk(f.Root, 0)
	for _, e := range f.SyntaxErrors {
		fmt.Fprintf(&b, "error [%d,%d) %s\n", e.Start, e.End, e.Message)
	}
	return b.String()
}

func randomEdit(r *rand.Rand, src []byte) TextEdit {
	start := r.Intn(len(src) + 1)
	// Keep edits on character boundaries, as an editor does.
	for start > 0 && start < len(src) && src[start]&0xC0 == 0x80 {
		start--
	}
	end := start
	if r.Intn(2) == 0 {
		end = start + r.Intn(12)
		if end > len(src) {
			end = len(src)
		}
		for end < len(src) && src[end]&0xC0 == 0x80 {
			end++
		}
	}
	var text string
	if r.Intn(4) != 0 {
		text = fragments[r.Intn(len(fragments))]
	}
	return TextEdit{Start: start, End: end, New: text}
}

func applyEdit(src []byte, e TextEdit) []byte {
	out := append([]byte{}, src[:e.Start]...)
	out = append(out, e.New...)
	return append(out, src[e.End:]...)
}

// TestIncrementalMatchesFullParse applies random edit sequences (one or
// several edits per batch, as one LSP didChange may carry) and checks after
// every batch that the incrementally reparsed tree equals a full parse.
func TestIncrementalMatchesFullParse(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewSource(seed))
		src := []byte(incrementalSeed)
		doc := NewIncremental("m.py", src)
		doc.Parse()
		for step := 0; step < 40; step++ {
			batch := 1 + r.Intn(3)
			for i := 0; i < batch; i++ {
				e := randomEdit(r, src)
				if err := doc.Apply(e); err != nil {
					t.Fatalf("seed %d step %d: %v", seed, step, err)
				}
				src = applyEdit(src, e)
			}
			if string(doc.Src()) != string(src) {
				t.Fatalf("seed %d step %d: content diverged", seed, step)
			}
			f := doc.Parse()
			if !reflect.DeepEqual(f.Lines.starts, NewLineIndex(src).starts) {
				t.Fatalf("seed %d step %d: line index kept through the edits differs from a fresh one", seed, step)
			}
			got := dumpTree(f)
			want := dumpTree(Parse("m.py", src))
			if got != want {
				t.Fatalf("seed %d step %d: incremental tree differs from a full parse of:\n%s\n--- incremental\n%s\n--- full\n%s", seed, step, src, got, want)
			}
		}
		doc.Close()
	}
}

func TestIncrementalReplaceAndBadEdit(t *testing.T) {
	doc := NewIncremental("m.py", []byte("x = 1\n"))
	defer doc.Close()
	if f := doc.Parse(); len(f.SyntaxErrors) != 0 {
		t.Fatalf("unexpected errors: %v", f.SyntaxErrors)
	}
	if err := doc.Apply(TextEdit{Start: 3, End: 99, New: "2"}); err == nil {
		t.Fatal("an edit past the end was accepted")
	}
	if string(doc.Src()) != "x = 1\n" {
		t.Fatalf("a rejected edit changed the content: %q", doc.Src())
	}
	doc.Replace([]byte("async def f(:\n"))
	f := doc.Parse()
	if len(f.SyntaxErrors) == 0 {
		t.Fatal("syntax error of the replaced content not reported")
	}
	if dumpTree(f) != dumpTree(Parse("m.py", []byte("async def f(:\n"))) {
		t.Fatal("a whole-document change does not match a full parse")
	}
	// After the tree is dropped, edits still apply and the next parse is full.
	doc.DropTree()
	if err := doc.Apply(TextEdit{Start: 0, End: 0, New: "x = 1\n"}); err != nil {
		t.Fatal(err)
	}
	if dumpTree(doc.Parse()) != dumpTree(Parse("m.py", []byte("x = 1\nasync def f(:\n"))) {
		t.Fatal("parse after DropTree does not match a full parse")
	}
	// Files lowered earlier keep their content: edits never write in place.
	before := doc.Parse()
	if err := doc.Apply(TextEdit{Start: 0, End: 5, New: ""}); err != nil {
		t.Fatal(err)
	}
	doc.Parse()
	if string(before.Src) != "x = 1\nasync def f(:\n" {
		t.Fatalf("an earlier snapshot changed: %q", before.Src)
	}
}

// TestParallelLowerMatchesSequential lowers trees in two parts at once (as
// large files are) and in one, and requires the same Files: sources with
// many top-level statements, syntax errors, comments, and random edits.
func TestParallelLowerMatchesSequential(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(n uint32) { parallelLowerNodes = n }(parallelLowerNodes)
	sources := []string{sample, incrementalSeed, "x = 1\n", "", "# only a comment\n", "def f(:\n  return )\n# c\nclass C:\n  pass\n"}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 200; i++ {
		src := []byte(incrementalSeed)
		for j := r.Intn(6); j > 0; j-- {
			src = applyEdit(src, randomEdit(r, src))
		}
		sources = append(sources, string(src))
	}
	if large, err := os.ReadFile("../../corpus/files/large.py"); err == nil {
		sources = append(sources, string(large))
	}
	for _, src := range sources {
		p := parserPool.Get().(*sitter.Parser)
		tree, err := p.ParseCtx(context.Background(), nil, []byte(src))
		parserPool.Put(p)
		if err != nil {
			t.Fatal(err)
		}
		parallelLowerNodes = ^uint32(0)
		one := Lower("m.py", []byte(src), tree)
		want := dumpTree(one)
		parallelLowerNodes = 0
		f := Lower("m.py", []byte(src), tree)
		tree.Close()
		if len(f.Comments) != len(one.Comments) {
			t.Fatalf("%d comments in two parts, %d in one", len(f.Comments), len(one.Comments))
		}
		for i, c := range f.Comments {
			if c.Start != one.Comments[i].Start || c.End != one.Comments[i].End {
				t.Fatalf("comment %d differs", i)
			}
		}
		if got := dumpTree(f); got != want {
			t.Fatalf("lowered in two parts differs from one part for:\n%s\n--- two parts\n%s\n--- one part\n%s", src, got, want)
		}
		var check func(n *Node)
		check = func(n *Node) {
			for _, c := range n.Children() {
				if c.Parent() != n {
					t.Fatalf("%s [%d,%d): wrong parent", c.Type(), c.Start, c.End)
				}
				check(c)
			}
		}
		check(f.Root)
	}
}
