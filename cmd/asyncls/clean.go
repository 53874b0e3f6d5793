package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/asyncls/asyncls/lint"
)

func init() {
	register(&command{name: "clean", summary: "remove the cache of `asyncls check` (.asyncls_cache, or $ASYNCLS_CACHE_DIR)", run: runClean})
}

func runClean(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: asyncls clean [DIR]\n\nRemoves the cache of `asyncls check` for the project containing DIR (default .):\n$ASYNCLS_CACHE_DIR when set, else .asyncls_cache at the project root (the nearest\ndirectory with pyproject.toml, setup.cfg, setup.py or .git; else DIR).")
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	start := "."
	if len(paths) > 0 {
		start = paths[0]
	}
	abs, err := filepath.Abs(start)
	if err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	// The project root `check` uses: the nearest directory with a project
	// marker, else the directory itself.
	root := lint.ProjectRoot(abs)
	if root == "" {
		root = abs
	}
	dir := lint.CacheDir(root)
	if err := lint.Clean(dir); err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	fmt.Fprintln(stdout, "removed", dir)
	return exitOK
}
