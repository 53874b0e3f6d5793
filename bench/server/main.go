// Command server benchmarks `asyncls serve` over stdio, as an editor drives
// it: open a large async Python file, type 200 single characters and time
// each didChange until its publishDiagnostics (debounceMs 0) and until its
// final diagnostics (the simulator's included), time hovers, and read the
// server's peak RSS; then the same with 200 files open; then the same on an
// async-heavy file where ASL401/ASL402 simulate (the programs of
// testdata/loopsim concatenated to about 3,000 lines).
//
//	go run ./bench/server [-bin bin/asyncls] [-file ../corpus/files/large.py] [-corpus ../corpus/src]
//	    [-programs testdata/loopsim] [-scenarios large,open,async] [-watch=false]
//	go run ./bench/server -write-async-heavy FILE   (writes the async-heavy file and exits)
//
// Targets (issues 4 and 11): edit p50 < 10 ms, p99 < 30 ms, hover < 5 ms, peak RSS < 150 MiB
// with 200 files open; p99 <= 30 ms on the async-heavy file too.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

var extraSettings string

// watchFiles makes the client say it watches files for the server
// (workspace/didChangeWatchedFiles with dynamic registration), as VS Code
// and Neovim do: the server then keeps answers that depend on files on disk.
var watchFiles bool

func main() {
	bin := flag.String("bin", "bin/asyncls", "asyncls binary")
	file := flag.String("file", "../corpus/files/large.py", "large async Python file (generated when missing)")
	corpus := flag.String("corpus", "../corpus/src", "directory to take the 200 extra files from (generated when missing)")
	edits := flag.Int("edits", 200, "single-character edits per scenario")
	open := flag.Int("open", 200, "files open in the second scenario")
	flag.BoolVar(&watchFiles, "watch", true, "advertise watched-files dynamic registration, as VS Code and Neovim do")
	flag.StringVar(&extraSettings, "settings", "", `extra server settings (JSON members), e.g. '"ignore": ["ASL401"]'`)
	programs := flag.String("programs", "testdata/loopsim", "directory of the asyncio programs concatenated into the async-heavy file")
	scenarios := flag.String("scenarios", "large,open,async", "scenarios to run: large (the large file alone), open (plus 200 files), async (the async-heavy file)")
	writeHeavy := flag.String("write-async-heavy", "", "write the async-heavy file to this path and exit")
	flag.Parse()
	if abs, err := filepath.Abs(*bin); err == nil {
		*bin = abs
	}
	if *writeHeavy != "" {
		heavy, err := asyncHeavy(*programs)
		check(err)
		check(os.WriteFile(*writeHeavy, heavy, 0o644))
		fmt.Printf("wrote %s: %d lines, %d bytes\n", *writeHeavy, strings.Count(string(heavy), "\n"), len(heavy))
		return
	}
	want := map[string]bool{}
	for _, name := range strings.Split(*scenarios, ",") {
		want[strings.TrimSpace(name)] = true
	}

	large, err := os.ReadFile(*file)
	if err != nil || len(strings.Split(string(large), "\n")) < 4000 {
		fmt.Fprintf(os.Stderr, "no usable %s (%v): generating a 5,000-line file\n", *file, err)
		large = generate(5000)
	}
	fmt.Printf("large file: %d lines, %d bytes\n", strings.Count(string(large), "\n"), len(large))

	if extraSettings != "" {
		fmt.Printf("settings: %s\n", extraSettings)
	}
	fmt.Printf("client watches files: %v\n", watchFiles)
	if want["large"] {
		fmt.Println("\n== scenario 1: one large file open")
		run(*bin, large, nil, *edits)
	}
	if want["open"] {
		runWithOthers(*bin, large, *corpus, *open, *edits)
	}
	if want["async"] {
		heavy, err := asyncHeavy(*programs)
		check(err)
		fmt.Printf("\n== scenario 3: the async-heavy file (%s concatenated: %d lines, %d bytes)\n", *programs, strings.Count(string(heavy), "\n"), len(heavy))
		run(*bin, heavy, nil, *edits)
	}
}

// asyncHeavyLines is about how long the async-heavy file is (issue 11).
const asyncHeavyLines = 3000

// asyncHeavy concatenates the asyncio programs of dir in name order while
// the total stays within asyncHeavyLines lines: a file of many small
// programs on which ASL401 and ASL402 simulate, reproducibly.
func asyncHeavy(dir string) ([]byte, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no programs in %s (run from the repository root or pass -programs): %v", dir, err)
	}
	sort.Strings(paths)
	var out []byte
	lines := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if len(src) > 0 && src[len(src)-1] != '\n' {
			src = append(src, '\n')
		}
		n := strings.Count(string(src), "\n")
		if lines+n > asyncHeavyLines {
			break
		}
		out = append(append(out, src...), '\n')
		lines += n + 1
	}
	return out, nil
}

func runWithOthers(bin string, large []byte, corpus string, open, edits int) {
	extra := pickFiles(corpus, open)
	if len(extra) < open {
		fmt.Fprintf(os.Stderr, "only %d files under %s: generating the rest\n", len(extra), corpus)
		for i := len(extra); i < open; i++ {
			extra = append(extra, generate(300))
		}
	}
	total := 0
	for _, e := range extra {
		total += len(e)
	}
	fmt.Printf("\n== scenario 2: the large file plus %d files open (%d bytes)\n", len(extra), total)
	run(bin, large, extra, edits)
}

// generate writes a plausible async module of about n lines.
func generate(n int) []byte {
	var b strings.Builder
	b.WriteString("import asyncio\nimport time\nimport requests\n\n\n")
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, `def helper_%[1]d(x):
    total = 0
    for i in range(x):
        total += i * %[1]d
    return total


async def fetch_%[1]d(session, url):
    value = helper_%[1]d(3)
    response = await session.get(url, timeout=%[1]d)
    if value > 10:
        time.sleep(0.01)
    await asyncio.sleep(0)
    return response


async def handle_%[1]d(session):
    results = await asyncio.gather(fetch_%[1]d(session, "a"), fetch_%[1]d(session, "b"))
    fetch_%[1]d(session, "c")
    return [r for r in results if r]


`, i)
	}
	return []byte(b.String())
}

func pickFiles(dir string, n int) [][]byte {
	var paths []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	// Spread the choice over the corpus instead of taking one package.
	var out [][]byte
	step := 1
	if len(paths) > n {
		step = len(paths) / n
	}
	for i := 0; i < len(paths) && len(out) < n; i += step {
		if src, err := os.ReadFile(paths[i]); err == nil {
			out = append(out, src)
		}
	}
	return out
}

type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	if m, ok := v.(jsonrpc2.RawMessage); ok {
		return m, nil
	}
	return protocol.Marshal(v)
}

// Unmarshal decodes from a copy: jsonrpc2 lends data from its read buffer
// and protocol.Unmarshal into some destinations (slices of unions) aliases it.
func (codec) Unmarshal(data []byte, v any) error { return protocol.Unmarshal(bytes.Clone(data), v) }

type stdio struct {
	r interface{ Read([]byte) (int, error) }
	w interface {
		Write([]byte) (int, error)
		Close() error
	}
}

func (s stdio) Read(p []byte) (int, error)  { return s.r.Read(p) }
func (s stdio) Write(p []byte) (int, error) { return s.w.Write(p) }
func (s stdio) Close() error                { return s.w.Close() }

// published records when each (uri, version) got its diagnostics.
type published struct {
	mu      sync.Mutex
	waiters map[string]chan struct{}
	seen    map[string]bool
}

func key(u uri.URI, v int32) string { return string(u) + "#" + strconv.Itoa(int(v)) }

func (p *published) wait(u uri.URI, v int32) <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := key(u, v)
	ch := make(chan struct{})
	if p.seen[k] {
		close(ch)
		return ch
	}
	p.waiters[k] = ch
	return ch
}

func (p *published) arrived(u uri.URI, v int32) {
	p.mu.Lock()
	defer p.mu.Unlock()
	k := key(u, v)
	p.seen[k] = true
	if ch := p.waiters[k]; ch != nil {
		close(ch)
		delete(p.waiters, k)
	}
}

func run(bin string, large []byte, extra [][]byte, edits int) {
	dir, err := os.MkdirTemp("", "asyncls-bench")
	check(err)
	defer os.RemoveAll(dir)
	largePath := filepath.Join(dir, "large.py")
	check(os.WriteFile(largePath, large, 0o644))
	var extraPaths []string
	for i, src := range extra {
		p := filepath.Join(dir, fmt.Sprintf("m%03d.py", i))
		check(os.WriteFile(p, src, 0o644))
		extraPaths = append(extraPaths, p)
	}

	cmd := exec.Command(bin, "serve")
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe()
	check(err)
	stdout, err := cmd.StdoutPipe()
	check(err)
	cmd.Stderr = nil
	check(cmd.Start())

	pub := &published{waiters: map[string]chan struct{}{}, seen: map[string]bool{}}
	// final records the versions whose findings are complete (the
	// simulator's included), from the server's debug log.
	final := &published{waiters: map[string]chan struct{}{}, seen: map[string]bool{}}
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(stdio{stdout, stdin}), jsonrpc2.WithCodec(codec{}))
	conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		switch req.Method() {
		case protocol.MethodTextDocumentPublishDiagnostics:
			var p struct {
				URI     uri.URI `json:"uri"`
				Version *int32  `json:"version"`
			}
			if json.Unmarshal(req.Params(), &p) == nil && p.Version != nil {
				pub.arrived(p.URI, *p.Version)
			}
		case protocol.MethodWindowLogMessage:
			var p protocol.LogMessageParams
			if json.Unmarshal(req.Params(), &p) == nil {
				if m := finalLog.FindStringSubmatch(p.Message); m != nil && !strings.Contains(p.Message, "simulator findings follow") {
					v, _ := strconv.Atoi(m[3])
					final.arrived(uri.File(m[2]), int32(v))
				}
			}
		}
		return nil, nil
	})
	ctx := context.Background()
	call := func(method string, params, result any) {
		_, err := conn.Call(ctx, method, params, result)
		check(err)
	}
	notify := func(method string, params any) { check(conn.Notify(ctx, method, params)) }

	settings := `{"debounceMs": 0, "logLevel": "debug"`
	if extraSettings != "" {
		settings += ", " + extraSettings
	}
	initParams := &protocol.InitializeParams{InitializationOptions: protocol.LSPAny(settings + "}")}
	if watchFiles {
		yes := true
		initParams.Capabilities.Workspace = &protocol.WorkspaceClientCapabilities{
			DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes},
		}
	}
	initParams.WorkspaceFolders = protocol.NewNullable([]protocol.WorkspaceFolder{{URI: uri.File(dir), Name: "bench"}})
	call(protocol.MethodInitialize, initParams, nil)
	notify(protocol.MethodInitialized, &protocol.InitializedParams{})

	openStart := time.Now()
	var waits []<-chan struct{}
	for i, p := range extraPaths {
		u := uri.File(p)
		waits = append(waits, pub.wait(u, 1))
		notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: u, LanguageID: "python", Version: 1, Text: string(extra[i]),
		}})
	}
	lu := uri.File(largePath)
	waits = append(waits, pub.wait(lu, 1))
	notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: lu, LanguageID: "python", Version: 1, Text: string(large),
	}})
	for _, w := range waits {
		<-w
	}
	fmt.Printf("open %d file(s) until all diagnostics: %v\n", len(waits), time.Since(openStart).Round(time.Millisecond))

	// Type into an identifier in the middle of the file: each edit inserts
	// one character and changes what the analysis sees.
	text := string(large)
	line, col := typingSpot(text)
	<-final.wait(lu, 1)
	fmt.Printf("open until final diagnostics (simulator included): %v\n", time.Since(openStart).Round(time.Millisecond))
	var lat, finalLat []time.Duration
	cpuBefore := cpuTime(cmd.Process.Pid)
	version := int32(1)
	// Typing: the next key goes as soon as the previous one's first
	// publication arrived (a simulation still running for it is cancelled).
	// Then a quarter as many keys, each waiting for its final findings.
	for i := 0; i < edits+edits/4; i++ {
		version++
		ch := string(rune('a' + i%26))
		w := pub.wait(lu, version)
		wf := final.wait(lu, version)
		start := time.Now()
		notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
			TextDocument: protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: lu}, Version: version},
			ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{
				Range: protocol.Range{Start: protocol.Position{Line: line, Character: col}, End: protocol.Position{Line: line, Character: col}}, Text: ch,
			}},
		})
		<-w
		if i < edits {
			lat = append(lat, time.Since(start))
		} else {
			<-wf
			finalLat = append(finalLat, time.Since(start))
		}
		col++
		if i == edits-1 {
			<-wf // the last typed key's simulation, before the timed ones
		}
	}
	report("didChange -> publishDiagnostics", lat)
	report("didChange -> final diagnostics (simulator included)", finalLat)
	if cpu := cpuTime(cmd.Process.Pid) - cpuBefore; cpu > 0 {
		// CPU time does not grow when other processes compete for the cores,
		// unlike the latencies above.
		fmt.Printf("server CPU time per edit: %.2f ms\n", ms(cpu)/float64(edits+edits/4))
	}

	var hov []time.Duration
	for _, pos := range callPositions(text, 100) {
		start := time.Now()
		var h json.RawMessage
		_, err := conn.Call(ctx, protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: lu}, Position: pos,
		}}, &h)
		check(err)
		hov = append(hov, time.Since(start))
	}
	report("hover", hov)
	fmt.Printf("peak RSS of asyncls serve: %.1f MiB\n", float64(peakRSS(cmd.Process.Pid))/1024)

	call(protocol.MethodShutdown, nil, nil)
	notify(protocol.MethodExit, nil)
	cmd.Wait()
}

// finalLog matches the server's debug log lines that say a version's
// findings are complete: "analysed PATH version N: ..." (unless the
// simulator's findings follow), "simulated PATH version N: ...", or
// "simulating PATH version N took longer than ...".
var finalLog = regexp.MustCompile(`^(analysed|simulated|simulating) (.+) version (\d+)[: ]`)

// typingSpot finds the start of an assigned name in an indented block near
// the middle of the file ("    value = ..."), where typing keeps it valid.
func typingSpot(text string) (uint32, uint32) {
	lines := strings.Split(text, "\n")
	re := regexp.MustCompile(`^(\s+)[A-Za-z_]\w* = `)
	for i := len(lines) / 2; i < len(lines); i++ {
		if m := re.FindStringSubmatch(lines[i]); m != nil {
			return uint32(i), uint32(len(m[1]))
		}
	}
	return uint32(len(lines) / 2), 0
}

// callPositions returns up to n positions on call names spread over the file.
func callPositions(text string, n int) []protocol.Position {
	re := regexp.MustCompile(`[A-Za-z_]\w*\(`)
	var all []protocol.Position
	for i, line := range strings.Split(text, "\n") {
		for _, m := range re.FindAllStringIndex(line, -1) {
			all = append(all, protocol.Position{Line: uint32(i), Character: uint32(len([]rune(line[:m[0]])))})
		}
	}
	if len(all) <= n {
		return all
	}
	var out []protocol.Position
	for i := 0; i < n; i++ {
		out = append(out, all[i*len(all)/n])
	}
	return out
}

func report(what string, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	s := append([]time.Duration{}, d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	pct := func(p float64) time.Duration { return s[int(p*float64(len(s)-1))] }
	fmt.Printf("%s (%d): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", what, len(s),
		ms(pct(0.5)), ms(pct(0.9)), ms(pct(0.99)), ms(s[len(s)-1]))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// peakRSS reads VmHWM (KiB) of a running process.
func peakRSS(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.Atoi(f[0])
				return n
			}
		}
	}
	return 0
}

// cpuTime reads the user+system CPU time of a process from /proc.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name (which is in parentheses).
	rest := string(data)
	if i := strings.LastIndexByte(rest, ')'); i >= 0 {
		rest = rest[i+1:]
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	const ticksPerSecond = 100 // USER_HZ on Linux
	return time.Duration(utime+stime) * time.Second / ticksPerSecond
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
