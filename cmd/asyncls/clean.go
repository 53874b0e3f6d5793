package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	if len(paths) > 1 {
		fmt.Fprintf(stderr, "asyncls clean: one directory at most, got %d: %s\n", len(paths), strings.Join(paths, " "))
		fs.Usage()
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
	if info, err := os.Stat(abs); err != nil {
		fmt.Fprintf(stderr, "asyncls: %s: no such directory\n", start)
		return exitError
	} else if !info.IsDir() {
		// A file names its directory's project, as for `check FILE`.
		abs = filepath.Dir(abs)
	}
	// The project root `check` uses: the nearest directory with a project
	// marker, else the directory itself.
	root := lint.ProjectRoot(abs)
	if root == "" {
		root = abs
	}
	dir := lint.CacheDir(root)
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(stdout, "no cache to remove at", dir)
		return exitOK
	}
	if err := lint.Clean(dir); err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	fmt.Fprintln(stdout, "removed", dir)
	return exitOK
}
