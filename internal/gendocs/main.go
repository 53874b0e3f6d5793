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
	readme := flag.String("readme", "", "README.md whose rule list (between the markers) to regenerate")
	flag.Parse()
	if *readme != "" {
		data, err := os.ReadFile(*readme)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		text, ok := rules.ReplaceReadmeRules(string(data))
		if !ok {
			fmt.Fprintf(os.Stderr, "%s: rule list markers not found\n", *readme)
			os.Exit(1)
		}
		if err := os.WriteFile(*readme, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
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
