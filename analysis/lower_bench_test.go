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
	flat, release := flatten(tree)
	b.Logf("%d nodes kept", len(flat))
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
			_, release := flatten(tree)
			release()
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
