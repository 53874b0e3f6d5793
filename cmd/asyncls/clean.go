package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
)

func init() {
	register(&command{name: "clean", summary: "remove the cache of `asyncls check` (.asyncls_cache, or $ASYNCLS_CACHE_DIR)", run: runClean})
}

func runClean(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: asyncls clean [DIR]\n\nRemoves the cache of `asyncls check` for the project containing DIR (default .):\n$ASYNCLS_CACHE_DIR when set, else .asyncls_cache next to its pyproject.toml (or in DIR).")
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
	cfg, err := config.Load(start)
	if err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	dir := lint.CacheDir(projectRoot(cfg))
	if cfg.Dir == "" && len(paths) > 0 {
		dir = lint.CacheDir(start)
	}
	if err := lint.Clean(dir); err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	fmt.Fprintln(stdout, "removed", dir)
	return exitOK
}
