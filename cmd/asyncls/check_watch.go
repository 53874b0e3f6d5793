package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
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
// names, sizes and modification times, and the configuration file's.
func watchSnapshot(cfg *config.Config, paths []string, forceExclude bool) string {
	files, _, _ := lint.Files(paths, lint.NewConfigs(nil, nil), forceExclude)
	if cfg.Path != "" {
		files = append(files, cfg.Path)
	}
	var b strings.Builder
	for _, p := range files {
		if info, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
		}
	}
	return b.String()
}
