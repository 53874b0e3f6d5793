package analysis

import (
	"context"
	"os"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// BenchmarkLowerStages splits one keystroke's reparse and lowering of a
// large file into its parts.
func BenchmarkLowerStages(b *testing.B) {
	src, err := os.ReadFile("../../corpus/files/large.py")
	if err != nil {
		b.Skip("no ../../corpus/files/large.py")
	}
	p := parserPool.Get().(*sitter.Parser)
	defer parserPool.Put(p)
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		b.Fatal(err)
	}
	defer tree.Close()
	symbolsOnce.Do(loadSymbols)
	flat := flatten(tree)
	kept := 0
	for _, fn := range flat {
		if fn.flags&1 != 0 || int(fn.symbol) < len(symbols) && symbols[fn.symbol].keep {
			kept++
		}
	}
	b.Logf("%d tree nodes, about %d kept", len(flat), kept)
	b.Run("reparse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			t := tree.Copy()
			mid := uint32(len(src) / 2)
			t.Edit(sitter.EditInput{StartIndex: mid, OldEndIndex: mid, NewEndIndex: mid})
			nt, _ := p.ParseCtx(context.Background(), t, src)
			nt.Close()
			t.Close()
		}
	})
	b.Run("flatten", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			flatten(tree)
		}
	})
	b.Run("lower", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Lower("large.py", src, tree)
		}
	})
	b.Run("line-index", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			NewLineIndex(src)
		}
	})
}
