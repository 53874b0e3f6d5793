package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

// BenchmarkHoverAsyncHeavy times hovers on the async-heavy file of
// bench/server ($ASYNCLS_BENCH_HEAVY, else testdata/loopsim/*.py
// concatenated up to 3,000 lines as `go run ./bench/server
// -write-async-heavy FILE` does), one op being one hover at a call site
// (every call site, in turn). The server is driven in-process without a
// connection, so the numbers are the hover's own CPU, not JSON-RPC's:
//
//   - no-hints: the hover without timing estimates (findings under the
//     cursor, callHover);
//   - hints-cached: with timing estimates, every one already computed (a
//     second hover at the same place);
//   - estimate: the timing estimate alone (DefaultTimingHints), which a
//     first hover at a place waits for up to defaultHoverWait.
//
// Run with -cpu 1 for numbers that do not depend on the other cores' load.
func BenchmarkHoverAsyncHeavy(b *testing.B) {
	src := asyncHeavySource(b)
	dir := b.TempDir()
	path := filepath.Join(dir, "heavy.py")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	u := uri.File(path)
	positions := callSitePositions(string(src))
	b.Logf("%d lines, %d call sites", strings.Count(string(src), "\n"), len(positions))

	open := func(b *testing.B, opts Options) *Server {
		done := make(chan struct{})
		opts.Hooks.Analysed = func(got uri.URI, v int32, _ []protocol.Diagnostic) {
			if got == u && v == 1 {
				select {
				case <-done:
				default:
					close(done)
				}
			}
		}
		opts.Stderr = &syncBuilder{}
		s := newServer(opts)
		if err := s.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: u, LanguageID: "python", Version: 1, Text: string(src)}}); err != nil {
			b.Fatal(err)
		}
		select {
		case <-done:
		case <-time.After(waitTimeout):
			b.Fatal("no final findings")
		}
		b.Cleanup(func() { s.cancel(); s.waitBackground() })
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.Logf("live heap after the first analysis: %.1f MiB", float64(ms.HeapAlloc)/(1<<20))
		return s
	}
	hover := func(b *testing.B, s *Server, pos protocol.Position) *protocol.Hover {
		h, err := s.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}})
		if err != nil {
			b.Fatal(err)
		}
		return h
	}

	// One op is one pass over every call site; cpu-ms/op is the process's
	// CPU time (user+system), which other processes' load does not grow.
	pass := func(b *testing.B, f func(protocol.Position)) {
		slowest(b, positions, f)
		b.ReportAllocs()
		b.ResetTimer()
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			for _, p := range positions {
				f(p)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/1e6/float64(b.N), "cpu-ms/op")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(positions)), "ns/hover")
	}
	b.Run("no-hints", func(b *testing.B) {
		s := open(b, Options{NoTimingHints: true})
		pass(b, func(p protocol.Position) { hover(b, s, p) })
	})
	b.Run("hints-cached", func(b *testing.B) {
		// A wait long enough for every estimate, and no more places than
		// the hints kept, so all are cached after the first pass.
		s := open(b, Options{HoverWait: time.Minute})
		sample := positions[:0:0]
		for i := 0; i < len(positions); i += max(1, len(positions)/hoverHintEntries+1) {
			sample = append(sample, positions[i])
		}
		for _, p := range sample {
			hover(b, s, p)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, p := range sample {
				hover(b, s, p)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/hover")
	})
	// The hovers bench/server times: 100 call sites spread over the file,
	// each hovered once with the default wait for its estimate (none kept
	// from an earlier pass). Wall time: it waits for the estimate.
	b.Run("first-hover-100", func(b *testing.B) {
		s := open(b, Options{})
		var sample []protocol.Position
		for i := 0; i < 100 && len(positions) > 0; i++ {
			sample = append(sample, positions[i*len(positions)/100])
		}
		var took []time.Duration
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			// Estimates of the last pass end first, and none is kept.
			for {
				s.hoverHints.mu.Lock()
				pending := s.hoverHints.pending
				if pending == 0 {
					clear(s.hoverHints.byKey)
				}
				s.hoverHints.mu.Unlock()
				if pending == 0 {
					break
				}
				time.Sleep(time.Millisecond)
			}
			b.StartTimer()
			var slow []string
			for _, p := range sample {
				start := time.Now()
				hover(b, s, p)
				d := time.Since(start)
				took = append(took, d)
				if d >= time.Millisecond {
					slow = append(slow, fmt.Sprintf("%d:%d %.1fms", p.Line+1, p.Character+1, float64(d.Microseconds())/1000))
				}
			}
			if i == b.N-1 {
				b.Logf("hovers over 1 ms in the last pass: %s", strings.Join(slow, ", "))
			}
		}
		b.StopTimer()
		sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
		pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
		slow := 0
		for _, d := range took {
			if d >= time.Millisecond {
				slow++
			}
		}
		b.ReportMetric(float64(slow)/float64(b.N), "over-1ms/op")
		b.ReportMetric(pct(0.5), "p50-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(pct(1), "max-ms")
	})
	// The estimates of bench/server's 100 places without the hover's wall
	// time budget (the step budget still bounds them): the same work
	// whatever the load, so its CPU time compares commits.
	b.Run("estimate-100-unbounded", func(b *testing.B) {
		f := analysis.NewIncremental(path, src).Parse()
		li := f.Lines
		simCfg, _ := config.Default().Simulator()
		simCfg.MaxWallTime = time.Minute
		var sample []protocol.Position
		for i := 0; i < 100 && len(positions) > 0; i++ {
			sample = append(sample, positions[i*len(positions)/100])
		}
		slowest(b, sample, func(p protocol.Position) {
			pyfront.EstimateAt(f, li.Offset(analysis.Position{Line: int(p.Line), Col: int(p.Character)}), pyfront.Options{Config: simCfg})
		})
		b.ReportAllocs()
		b.ResetTimer()
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			for _, p := range sample {
				pyfront.EstimateAt(f, li.Offset(analysis.Position{Line: int(p.Line), Col: int(p.Character)}), pyfront.Options{Config: simCfg})
			}
		}
		b.StopTimer()
		b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/1e6/float64(b.N), "cpu-ms/op")
	})
	b.Run("estimate", func(b *testing.B) {
		doc := analysis.NewIncremental(path, src)
		f := doc.Parse()
		li := f.Lines
		cfg := config.Default()
		pass(b, func(p protocol.Position) {
			DefaultTimingHints(context.Background(), f, nil, li.Offset(analysis.Position{Line: int(p.Line), Col: int(p.Character)}), cfg)
		})
	})
}

// slowest logs the positions where one call of f takes longest (the least
// of three calls, which load grows less), to say which hovers make the
// mean, and how many take over 2 ms (a hover's wait for its estimate).
func slowest(b *testing.B, positions []protocol.Position, f func(protocol.Position)) {
	type took struct {
		pos protocol.Position
		d   time.Duration
	}
	all := make([]took, len(positions))
	for round := 0; round < 3; round++ {
		for i, p := range positions {
			start := time.Now()
			f(p)
			if d := time.Since(start); round == 0 || d < all[i].d {
				all[i] = took{p, d}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].d > all[j].d })
	var top []string
	over := 0
	for i, t := range all {
		if t.d > 2*time.Millisecond {
			over++
		}
		if i < 8 {
			top = append(top, fmt.Sprintf("%v at %d:%d", t.d.Round(time.Microsecond), t.pos.Line+1, t.pos.Character+1))
		}
	}
	b.Logf("%d positions, %d over 2 ms; slowest %s", len(positions), over, strings.Join(top, ", "))
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// asyncHeavySource is bench/server's async-heavy file: $ASYNCLS_BENCH_HEAVY,
// else the programs of testdata/loopsim concatenated in name order while
// the total stays within 3,000 lines.
func asyncHeavySource(b *testing.B) []byte {
	if p := os.Getenv("ASYNCLS_BENCH_HEAVY"); p != "" {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		return src
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "loopsim", "*.py"))
	if len(paths) == 0 {
		b.Skip("no ../testdata/loopsim/*.py")
	}
	sort.Strings(paths)
	var out []byte
	lines := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if len(src) > 0 && src[len(src)-1] != '\n' {
			src = append(src, '\n')
		}
		n := strings.Count(string(src), "\n")
		if lines+n > 3000 {
			break
		}
		out = append(append(out, src...), '\n')
		lines += n + 1
	}
	return out
}

// callSitePositions are the positions of every `name(` in text, as
// bench/server hovers them (columns in UTF-16 units, the file being ASCII).
func callSitePositions(text string) []protocol.Position {
	re := regexp.MustCompile(`[A-Za-z_]\w*\(`)
	var all []protocol.Position
	for i, line := range strings.Split(text, "\n") {
		for _, m := range re.FindAllStringIndex(line, -1) {
			all = append(all, protocol.Position{Line: uint32(i), Character: uint32(len([]rune(line[:m[0]])))})
		}
	}
	return all
}
