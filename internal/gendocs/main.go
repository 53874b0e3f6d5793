// Command gendocs writes docs/rules from the rule values (go generate ./rules).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/asyncls/asyncls/rules"
)

func main() {
	out := flag.String("out", "docs/rules", "output directory")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	docs := rules.GeneratedDocs()
	// Remove pages of rules that no longer exist.
	entries, _ := os.ReadDir(*out)
	for _, e := range entries {
		if _, ok := docs[e.Name()]; !ok && strings.HasSuffix(e.Name(), ".md") {
			os.Remove(filepath.Join(*out, e.Name()))
		}
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
