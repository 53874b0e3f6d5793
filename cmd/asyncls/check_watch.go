package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
)

// watchPoll is how often --watch looks for changed files. Polling needs no
// platform support and costs one stat per file.
var watchPoll = 500 * time.Millisecond

// watch is --watch: check, then check again whenever a Python file under
// paths (or the configuration file) is added, removed or modified, until
// Ctrl-C or stop is closed. It returns the status of the last check.
func watch(f *checkFlags, cfg *config.Config, paths []string, stdout, stderr io.Writer, stop <-chan struct{}) int {
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt)
	defer signal.Stop(interrupt)
	status := exitOK
	check := func() {
		fmt.Fprintf(stderr, "[%s] Checking...\n", time.Now().Format("15:04:05"))
		status = checkOnce(f, cfg, paths, strings.NewReader(""), stdout, stderr)
		fmt.Fprintf(stderr, "[%s] Watching for file changes (Ctrl-C to stop).\n", time.Now().Format("15:04:05"))
	}
	// The fingerprint is taken before the check, so that a file saved while
	// the check runs is checked again (taken after, such a change was missed).
	last := watchSnapshot(cfg, paths, f.forceExclude)
	check()
	ticker := time.NewTicker(watchPoll)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return status
		case <-interrupt:
			return status
		case <-ticker.C:
		}
		now := watchSnapshot(cfg, paths, f.forceExclude)
		if now == last {
			continue
		}
		last = now
		if newCfg, err := loadCheckConfig(f, paths); err != nil {
			fmt.Fprintln(stderr, "asyncls:", err)
			status = exitError
			continue
		} else {
			cfg = newCfg
		}
		check()
	}
}

// watchSnapshot is a fingerprint of the files a check would read: their
// names, sizes and modification times, and the configuration's: the file in
// use, and every pyproject.toml that could become a file's nearest one (in
// its directory or above), so that creating or editing one is seen.
func watchSnapshot(cfg *config.Config, paths []string, forceExclude bool) string {
	files, _, _ := lint.Files(paths, lint.NewConfigs(nil, nil), forceExclude)
	dirs := map[string]bool{}
	for _, p := range append(append([]string{}, paths...), files...) {
		if abs, err := filepath.Abs(p); err == nil {
			if info, err := os.Stat(abs); err == nil && !info.IsDir() {
				abs = filepath.Dir(abs)
			}
			dirs[abs] = true
		}
	}
	configs := map[string]bool{}
	for dir := range dirs {
		for d := dir; !configs[filepath.Join(d, "pyproject.toml")]; d = filepath.Dir(d) {
			configs[filepath.Join(d, "pyproject.toml")] = true
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if cfg.Path != "" {
		configs[cfg.Path] = true
	}
	for _, p := range slices.Sorted(maps.Keys(configs)) {
		files = append(files, p)
	}
	var b strings.Builder
	for _, p := range files {
		if info, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
		}
	}
	return b.String()
}
