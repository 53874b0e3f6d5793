// Command oneanswer_server compares what `asyncls serve` publishes for files
// of a project with what `asyncls check` reports for them (issue 10: one
// answer everywhere), as an editor would see it: the server's workspace
// folder is the project, it indexes it, then each file is opened in turn and
// its final diagnostics (the simulator's included) are compared with check's.
//
//	go run ./bench/oneanswer_server -bin bin/asyncls -folder PROJECT -want WANT.json [-select ALL] FILES...
//
// WANT.json maps each absolute file path to check's JSON findings for it
// (`asyncls check --output-format json`, paths made absolute). For each file
// it prints one JSON line: {"file", "seconds", "missing", "extra"}, the
// findings rendered as "CODE line:col-line:col severity message" (1-based,
// columns in characters, as check's JSON). bench/one_answer.py drives it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/uri"
)

type checkFinding struct {
	Line, Column, EndLine, EndColumn int
	Code, Severity, Message          string
}

func (f *checkFinding) UnmarshalJSON(b []byte) error {
	var raw struct {
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
		Code      string `json:"code"`
		Severity  string `json:"severity"`
		Message   string `json:"message"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*f = checkFinding{raw.Line, raw.Column, raw.EndLine, raw.EndColumn, raw.Code, raw.Severity, raw.Message}
	return nil
}

func (f checkFinding) String() string {
	return fmt.Sprintf("%s %d:%d-%d:%d %s %s", f.Code, f.Line, f.Column, f.EndLine, f.EndColumn, f.Severity, f.Message)
}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspDiagnostic struct {
	Range struct {
		Start lspPosition `json:"start"`
		End   lspPosition `json:"end"`
	} `json:"range"`
	Severity int             `json:"severity"`
	Code     json.RawMessage `json:"code"`
	Message  string          `json:"message"`
}

type publishParams struct {
	URI         string          `json:"uri"`
	Version     *int            `json:"version"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
}

// finalLog matches the server's debug log lines that say a version's
// findings are complete (as bench/server reads them).
var finalLog = regexp.MustCompile(`^(analysed|simulated|simulating) (.+) version (\d+)[: ]`)

var indexedLog = regexp.MustCompile(`^indexed \d+ Python files`)

// state follows the server's notifications. The server logs that a
// version's findings are complete just before it publishes them, and
// publishes nothing when they equal what it published last (the simulator
// found nothing more): so the final diagnostics are the publication that
// follows the final log within settle, or else the last one before it.
type state struct {
	mu       sync.Mutex
	last     map[string][]lspDiagnostic      // path -> last publication of version 1
	final    map[string]chan []lspDiagnostic // path -> receives the final diagnostics
	timers   map[string]*time.Timer
	indexed  chan struct{}
	indexing sync.Once
}

const settle = 300 * time.Millisecond

func (s *state) handle(req *jsonrpc2.Request) {
	switch req.Method() {
	case "window/logMessage":
		var p struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(req.Params(), &p) != nil {
			return
		}
		if indexedLog.MatchString(p.Message) {
			s.indexing.Do(func() { close(s.indexed) })
		}
		if m := finalLog.FindStringSubmatch(p.Message); m != nil && m[3] == "1" && !strings.Contains(p.Message, "simulator findings follow") {
			path := m[2]
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.final[path] != nil && s.timers[path] == nil {
				s.timers[path] = time.AfterFunc(settle, func() { s.deliver(path) })
			}
		}
	case "textDocument/publishDiagnostics":
		var p publishParams
		if json.Unmarshal(req.Params(), &p) != nil || p.Version == nil || *p.Version != 1 {
			return
		}
		path := uri.URI(p.URI).Path()
		s.mu.Lock()
		s.last[path] = p.Diagnostics
		t := s.timers[path]
		s.mu.Unlock()
		if t != nil && t.Stop() {
			s.deliver(path)
		}
	}
}

// deliver hands the last publication of path to whoever waits for it.
func (s *state) deliver(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch := s.final[path]; ch != nil {
		ch <- s.last[path]
		delete(s.final, path)
		delete(s.timers, path)
		delete(s.last, path)
	}
}

func main() {
	bin := flag.String("bin", "bin/asyncls", "asyncls binary")
	folder := flag.String("folder", "", "the project: the server's workspace folder")
	wantFile := flag.String("want", "", "JSON: absolute path -> check's findings")
	sel := flag.String("select", "", "rules to select (as check --select); empty: the configuration's")
	timeout := flag.Duration("timeout", 2*time.Minute, "longest wait for a file's diagnostics")
	flag.Parse()
	if abs, err := filepath.Abs(*bin); err == nil {
		*bin = abs
	}
	raw, err := os.ReadFile(*wantFile)
	fail(err)
	var want map[string][]checkFinding
	fail(json.Unmarshal(raw, &want))

	cmd := exec.Command(*bin, "serve")
	cmd.Dir = *folder
	stdin, err := cmd.StdinPipe()
	fail(err)
	stdout, err := cmd.StdoutPipe()
	fail(err)
	fail(cmd.Start())
	st := &state{last: map[string][]lspDiagnostic{}, final: map[string]chan []lspDiagnostic{}, timers: map[string]*time.Timer{}, indexed: make(chan struct{})}
	conn := jsonrpc2.NewConn(jsonrpc2.NewHeaderStream(stdio{stdout, stdin}))
	conn.Go(context.Background(), func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		st.handle(req)
		return nil, nil
	})
	ctx := context.Background()
	settings := map[string]any{"debounceMs": 0, "logLevel": "debug"}
	if *sel != "" {
		settings["select"] = strings.Split(*sel, ",")
	}
	init := map[string]any{
		"processId":             os.Getpid(),
		"rootUri":               string(uri.File(*folder)),
		"capabilities":          map[string]any{},
		"initializationOptions": settings,
		"workspaceFolders":      []map[string]any{{"uri": string(uri.File(*folder)), "name": "project"}},
	}
	var ignored json.RawMessage
	_, err = conn.Call(ctx, "initialize", init, &ignored)
	fail(err)
	fail(conn.Notify(ctx, "initialized", map[string]any{}))
	select {
	case <-st.indexed:
	case <-time.After(*timeout):
		fail(fmt.Errorf("the server did not index %s within %v", *folder, *timeout))
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, path := range flag.Args() {
		src, err := os.ReadFile(path)
		fail(err)
		ch := make(chan []lspDiagnostic, 1)
		st.mu.Lock()
		st.final[path] = ch
		st.mu.Unlock()
		start := time.Now()
		u := string(uri.File(path))
		fail(conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": u, "languageId": "python", "version": 1, "text": string(src)}}))
		var got []lspDiagnostic
		select {
		case got = <-ch:
		case <-time.After(*timeout):
			fail(fmt.Errorf("no final diagnostics for %s within %v", path, *timeout))
		}
		took := time.Since(start)
		fail(conn.Notify(ctx, "textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u}}))
		var gotS, wantS []string
		lines := bytes.Split(src, []byte("\n"))
		for _, d := range got {
			gotS = append(gotS, render(d, lines))
		}
		for _, f := range want[path] {
			wantS = append(wantS, f.String())
		}
		missing, extra := difference(wantS, gotS), difference(gotS, wantS)
		fail(enc.Encode(map[string]any{"file": path, "seconds": took.Seconds(), "missing": missing, "extra": extra}))
	}
	conn.Call(ctx, "shutdown", nil, &ignored)
	conn.Notify(ctx, "exit", nil)
	cmd.Wait()
}

// render writes an LSP diagnostic as checkFinding.String does (UTF-16
// columns counted again in characters).
func render(d lspDiagnostic, lines [][]byte) string {
	code := strings.Trim(string(d.Code), `"`)
	sev := map[int]string{1: "error", 2: "warning", 3: "info", 4: "hint"}[d.Severity]
	col := func(p lspPosition) int {
		if p.Line >= len(lines) {
			return p.Character + 1
		}
		line := bytes.TrimSuffix(lines[p.Line], []byte("\r"))
		units, chars := 0, 0
		for len(line) > 0 && units < p.Character {
			r, n := utf8.DecodeRune(line)
			line = line[n:]
			units++
			if r > 0xFFFF {
				units++
			}
			chars++
		}
		return chars + 1
	}
	return fmt.Sprintf("%s %d:%d-%d:%d %s %s", code, d.Range.Start.Line+1, col(d.Range.Start),
		d.Range.End.Line+1, col(d.Range.End), sev, d.Message)
}

// difference returns the elements of a not in b (as multisets), sorted.
func difference(a, b []string) []string {
	count := map[string]int{}
	for _, x := range b {
		count[x]++
	}
	out := []string{}
	for _, x := range a {
		if count[x] > 0 {
			count[x]--
		} else {
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

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

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "oneanswer_server:", err)
		os.Exit(2)
	}
}
