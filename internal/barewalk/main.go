// Command barewalk is the baseline of bench/check.sh: it parses every
// Python file under the given directories with tree-sitter on all cores
// and visits every node with a TreeCursor (no analysis), which is the
// least any tree-sitter-based checker must do. With -types it also reads
// each node's type, as any checker walking the tree from Go must.
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

func main() {
	readTypes := flag.Bool("types", false, "read each node's type while walking")
	flag.Parse()
	var files []string
	for _, root := range flag.Args() {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				files = append(files, p)
			}
			return nil
		})
	}
	next := make(chan string, len(files))
	for _, f := range files {
		next <- f
	}
	close(next)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := sitter.NewParser()
			p.SetLanguage(python.GetLanguage())
			count, typeBytes := 0, 0
			for f := range next {
				src, err := os.ReadFile(f)
				if err != nil {
					continue
				}
				tree, err := p.ParseCtx(context.Background(), nil, src)
				if err != nil {
					continue
				}
				c := sitter.NewTreeCursor(tree.RootNode())
				for {
					count++
					if *readTypes {
						typeBytes += len(c.CurrentNode().Type())
					}
					if c.GoToFirstChild() {
						continue
					}
					for !c.GoToNextSibling() {
						if !c.GoToParent() {
							goto done
						}
					}
				}
			done:
				c.Close()
				tree.Close()
			}
			mu.Lock()
			total += count
			_ = typeBytes
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Printf("%d files, %d nodes\n", len(files), total)
}
