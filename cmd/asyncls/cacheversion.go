package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"sync"
)

// cacheVersion keys the persistent cache by the build, not only by the
// release number: a build from a modified tree (every developer build, and
// `go build` from a clone) keeps version "0.1.0" while its rules change, and
// findings cached by another build must not be trusted. A clean VCS build is
// identified by its revision; anything else by its executable's size and
// modification time, which every rebuild changes.
var cacheVersion = sync.OnceValue(func() string {
	id := version
	revision, modified := "", true
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if revision != "" {
		id += "+" + revision
	}
	if revision == "" || modified {
		exe, err := os.Executable()
		if err != nil {
			return "" // unknown build: no cache rather than a wrong one
		}
		st, err := os.Stat(exe)
		if err != nil {
			return ""
		}
		id += fmt.Sprintf("+exe.%d.%d", st.Size(), st.ModTime().UnixNano())
	}
	return id
})
