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
	_, desc := rootOf(tree)
	var nodes uint32
	for _, d := range desc {
		nodes += d
	}
	flat, release := flattenPart(tree, 0, len(desc), nodes)
	b.Logf("%d nodes, %d kept", nodes, len(flat))
	release()
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
			_, release := flattenPart(tree, 0, len(desc), nodes)
			release()
		}
	})
	b.Run("lower", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Lower("large.py", src, tree)
		}
	})
	b.Run("lower-one-core", func(b *testing.B) {
		defer func(n uint32) { parallelLowerNodes = n }(parallelLowerNodes)
		parallelLowerNodes = ^uint32(0)
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
