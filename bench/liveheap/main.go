// Command liveheap measures what `asyncls check --no-cache` keeps in
// memory: the live heap (after a full collection) once every module of the
// project is built, and once every module is checked, with the default
// rules and the settings of the directory's pyproject.toml. check builds
// at GOGC 200, collects once every module is built and checks at GOGC 100
// (lint.CollectForChecks; 25 before the thirty-second session), so its peak
// RSS is about twice the live heap during the checks plus the heap's
// fragmentation; it is the number a change to the models moves.
// `bench/check_compare.sh` gives the peak itself. It keeps the modules
// (lint.Request.KeepModules), so it measures the plain order (every module
// built, then checked: what Analyse, --fix and the server do); a batch
// `check` streams the project instead (lint/stream.go) and holds about the
// library part and one batch at a time.
// docs/performance.md, "Memory".
//
//	go run ./bench/liveheap /work/corpus/big
//	go run ./bench/liveheap -profile /tmp/live.prof /work/corpus/big   # then go tool pprof -sample_index=inuse_space
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"

	"github.com/asyncls/asyncls/lint"
)

func main() {
	profile := flag.String("profile", "", "write a heap profile once every module is checked")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: liveheap [-profile FILE] DIR")
		os.Exit(2)
	}
	debug.SetGCPercent(200) // as check runs
	var built sync.Once
	var builtMB float64
	progress := func(stage lint.Stage, done, total int) {
		// The first module checked: every module is built, and one check
		// has added little.
		if stage == lint.Checking {
			built.Do(func() { builtMB = liveMB() })
		}
	}
	res := lint.Check(lint.Request{Paths: []string{flag.Arg(0)}, Configs: lint.NewConfigs(nil, nil), Progress: progress, KeepModules: true})
	checkedMB := liveMB()
	if *profile != "" {
		if err := writeHeapProfile(*profile); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("files %d, findings %d\n", res.Files, len(res.Diagnostics))
	fmt.Printf("live heap: %.1f MB built, %.1f MB checked\n", builtMB, checkedMB)
	runtime.KeepAlive(res)
}

// liveMB collects and returns the live heap in MB.
func liveMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
