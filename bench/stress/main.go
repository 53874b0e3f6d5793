// Command stress drives `asyncls serve` over stdio with a random mix of what
// an editor and a file system do to it, for a fixed time, and fails on a data
// race, a panic, a request never answered, a read outside the workspace, or
// memory that keeps growing after warm-up (issue 15).
//
//	go build -race -o /tmp/asyncls-race ./cmd/asyncls
//	go run ./bench/stress -bin /tmp/asyncls-race [-duration 10m] [-corpus ../corpus/src/python3-aiohttp]
//
// The mix: didChange edits (random insertions and deletions, invalid Python,
// whole-document replacements with the reliability reproducers), hovers, code
// actions, $/cancelRequest of requests in flight, didOpen/didClose, and
// workspace/didChangeWatchedFiles for files created, changed and deleted on
// disk, including symbolic links inside the workspace that lead outside it
// (to a file holding a marker, and to /dev/zero). Every minute the client
// stops reading for a few seconds while it keeps sending.
//
// Memory is "flat" when, at the end (the median of the last 30 s of samples,
// so one collection cycle does not decide), it is at most -growth (1.5) times
// its peak during warm-up (the workspace indexed and every kind of request
// served). A leak proportional to the work done keeps growing over the
// remaining minutes of the same mix; the collector's sawtooth and the
// changing set of open documents stay within 50%. It is checked on the live
// heap after each collection (GODEBUG=gctrace=1) and on the RSS
// (/proc/PID/status VmRSS); for a -race build the RSS is only reported: the
// race runtime's own metadata grows outside the Go heap (golang/go#14533).
package main

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// outsideMarker is in the file outside the workspace that a symlink inside it
// points to: seeing it in anything the server sends means the server read it.
const outsideMarker = "outside_secret_7f3a9c"

var (
	binFlag      = flag.String("bin", "bin/asyncls", "asyncls binary (build it with -race)")
	durationFlag = flag.Duration("duration", 10*time.Minute, "how long to send the mix")
	warmupFlag   = flag.Duration("warmup", 2*time.Minute, "warm-up period whose peak RSS is the baseline")
	corpusFlag   = flag.String("corpus", "../corpus/src/python3-aiohttp", "package copied into the workspace")
	loopsimFlag  = flag.String("loopsim", "testdata/loopsim", "simulator test files (some copied in)")
	reproFlag    = flag.String("repro", "../shared/repro/reliability", "reliability reproducers (copied in, and typed)")
	timeoutFlag  = flag.Duration("timeout", 2*time.Minute, "a request unanswered for longer fails the run")
	growthFlag   = flag.Float64("growth", 1.5, "largest allowed end RSS / warm-up peak RSS")
	sampleFlag   = flag.Duration("sample", 3*time.Second, "RSS sampling period")
	seedFlag     = flag.Int64("seed", 0, "random seed (0: from the clock)")
	maxOpenFlag  = flag.Int("maxopen", 25, "most documents open at once")
)

type pending struct {
	method string
	sent   time.Time
}

type client struct {
	mu       sync.Mutex
	w        io.Writer
	nextID   int
	inflight map[int]pending
	sent     map[string]int
	answered map[string]int
	errors   map[string]int
	// errorExample: the first message of each kind of error answer.
	errorExample map[string]string
	maxLat       time.Duration
	maxLatM      string
	leaks        []string
	notes        map[string]int

	pauseMu sync.Mutex // held while the client "stops reading"
	writeMu sync.Mutex // one message at a time on the server's stdin
}

func (c *client) write(msg map[string]any) {
	msg["jsonrpc"] = "2.0"
	body, err := json.Marshal(msg)
	check(err)
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_, err = fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body)
	check(err)
}

func (c *client) notify(method string, params any) {
	c.write(map[string]any{"method": method, "params": params})
}

func (c *client) request(method string, params any) int {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.inflight[id] = pending{method, time.Now()}
	c.sent[method]++
	c.mu.Unlock()
	c.write(map[string]any{"id": id, "method": method, "params": params})
	return id
}

// randomInflight returns a request still waiting for its answer, or 0.
func (c *client) randomInflight(r *rand.Rand) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := make([]int, 0, len(c.inflight))
	for id := range c.inflight {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return 0
	}
	sort.Ints(ids)
	return ids[r.Intn(len(ids))]
}

// overdue lists requests unanswered for longer than limit.
func (c *client) overdue(limit time.Duration) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for id, p := range c.inflight {
		if age := time.Since(p.sent); age > limit {
			out = append(out, fmt.Sprintf("#%d %s (%s)", id, p.method, age.Round(time.Second)))
		}
	}
	sort.Strings(out)
	return out
}

func (c *client) readLoop(r io.Reader, done chan<- struct{}) {
	defer close(done)
	br := bufio.NewReaderSize(r, 1<<16)
	for {
		// While paused, hold here: the server's writes fill the pipe.
		c.pauseMu.Lock()
		c.pauseMu.Unlock()
		length := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
				length, _ = strconv.Atoi(strings.TrimSpace(v))
			}
		}
		if length < 0 {
			fmt.Fprintln(os.Stderr, "stress: message without Content-Length")
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		c.handle(body)
	}
}

func (c *client) handle(body []byte) {
	var msg struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		fmt.Fprintln(os.Stderr, "stress: bad message from server:", err)
		return
	}
	if bytes.Contains(body, []byte(outsideMarker)) {
		c.mu.Lock()
		c.leaks = append(c.leaks, truncate(string(body), 300))
		c.mu.Unlock()
	}
	switch {
	case msg.Method != "" && len(msg.ID) > 0: // a request from the server
		var result any
		if msg.Method == "workspace/configuration" {
			var p struct{ Items []any }
			json.Unmarshal(msg.Params, &p)
			items := make([]any, len(p.Items))
			for i := range items {
				items[i] = map[string]any{}
			}
			result = items
		}
		// Not from the reading goroutine: a write blocked on a full pipe must
		// not stop the client from reading.
		go c.write(map[string]any{"id": msg.ID, "result": result})
		c.mu.Lock()
		c.notes["server request "+msg.Method]++
		c.mu.Unlock()
	case msg.Method != "":
		c.mu.Lock()
		c.notes[msg.Method]++
		c.mu.Unlock()
	default:
		id, err := strconv.Atoi(string(msg.ID))
		if err != nil {
			return
		}
		c.mu.Lock()
		p, ok := c.inflight[id]
		if ok {
			delete(c.inflight, id)
			c.answered[p.method]++
			if lat := time.Since(p.sent); lat > c.maxLat {
				c.maxLat, c.maxLatM = lat, p.method
			}
			if msg.Error != nil {
				k := fmt.Sprintf("%s %d", p.method, msg.Error.Code)
				if c.errors[k] == 0 {
					c.errorExample[k] = msg.Error.Message
				}
				c.errors[k]++
			}
		} else {
			c.notes["answer to unknown id"]++
		}
		c.mu.Unlock()
	}
}

// doc is an open document as the client sees it.
type doc struct {
	uri     string
	path    string
	version int
	text    string
}

// position returns the LSP position (UTF-16) of byte offset off, which
// runeStart has placed; lines end at "\n", "\r\n" or "\r", as LSP defines.
func position(text string, off int) map[string]int {
	line, start := 0, 0
	for i := 0; i < off; i++ {
		switch {
		case text[i] == '\n', text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n'):
			line++
			start = i + 1
		}
	}
	ch := 0
	for _, r := range text[start:off] {
		ch += len(utf16.Encode([]rune{r}))
	}
	return map[string]int{"line": line, "character": ch}
}

// runeStart moves off back to the start of a rune, and out of a "\r\n".
func runeStart(text string, off int) int {
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
		off--
	}
	return off
}

var snippets = []string{
	"import asyncio, time\n",
	"\nasync def handler():\n    time.sleep(1)\n    await asyncio.sleep(0.1)\n",
	"    await asyncio.sleep(float(\"nan\"))\n",
	"asyncio.create_task(main())\n",
	"def (:\n", "\"\"\"unterminated", ")))", "\t\t", "    ", "\n", "\r\n", "\r",
	"é😀x", "λ", "async", "await ", "lambda: (yield)", "print \"py2\"\n",
	"{i: i for i in range(10**8)}\n", "x = [0]\nx = x + x\n",
	"async def main():\n    await asyncio.gather(main(), main())\n",
	"if True:\n" + strings.Repeat(" ", 300) + "pass\n",
}

func main() {
	flag.Parse()
	seed := *seedFlag
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	r := rand.New(rand.NewSource(seed))
	fmt.Printf("seed %d, duration %s, warm-up %s\n", seed, *durationFlag, *warmupFlag)
	if out, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("load at start: %s", out)
	}

	root, err := os.MkdirTemp("", "asyncls-stress")
	check(err)
	defer os.RemoveAll(root)
	ws := filepath.Join(root, "ws")
	outside := filepath.Join(root, "outside")
	check(os.MkdirAll(filepath.Join(ws, "gen"), 0o755))
	check(os.MkdirAll(outside, 0o755))
	secret := fmt.Sprintf("import time\n\nasync def %s():\n    time.sleep(1)\n", outsideMarker)
	check(os.WriteFile(filepath.Join(outside, "secret.py"), []byte(secret), 0o644))
	check(os.WriteFile(filepath.Join(ws, "pyproject.toml"), []byte("[project]\nname = \"stress\"\n"), 0o644))

	files := copyPy(*corpusFlag, filepath.Join(ws, "corpus"), 1000)
	files = append(files, copyPy(*loopsimFlag, filepath.Join(ws, "loopsim"), 20)...)
	repros := copyPy(*reproFlag, filepath.Join(ws, "repro"), 1000)
	files = append(files, repros...)
	var reproTexts []string
	for _, p := range repros {
		if b, err := os.ReadFile(p); err == nil && len(b) < 200_000 {
			reproTexts = append(reproTexts, string(b))
		}
	}
	fmt.Printf("workspace: %d Python files (%d reproducers)\n", len(files), len(repros))
	// Links inside the workspace that lead outside it: never to be read.
	links := map[string]string{
		filepath.Join(ws, "leak.py"):          filepath.Join(outside, "secret.py"),
		filepath.Join(ws, "zero.py"):          "/dev/zero",
		filepath.Join(ws, "pkglink"):          outside,
		filepath.Join(ws, "gen", "passwd.py"): "/etc/passwd",
	}
	for link, target := range links {
		check(os.Symlink(target, link))
	}

	stderrPath := filepath.Join(os.TempDir(), fmt.Sprintf("asyncls-stress-%d.stderr", os.Getpid()))
	stderrFile, err := os.Create(stderrPath)
	check(err)
	cmd := exec.Command(*binFlag, "serve")
	cmd.Dir = ws
	// gctrace reports the live heap after each collection: the memory the
	// server holds, apart from what the race runtime adds to the RSS.
	cmd.Env = append(os.Environ(), "GODEBUG=gctrace=1")
	stderrPipe, err := cmd.StderrPipe()
	check(err)
	stdin, err := cmd.StdinPipe()
	check(err)
	stdout, err := cmd.StdoutPipe()
	check(err)
	check(cmd.Start())
	pid := cmd.Process.Pid
	raceBuild := isRaceBuild(*binFlag)
	start := time.Now()
	var samplesMu sync.Mutex
	var samples, heap, stacks []sample
	stderrDone := make(chan struct{})
	go func() {
		defer close(stderrDone)
		sc := bufio.NewScanner(stderrPipe)
		sc.Buffer(make([]byte, 1<<16), 1<<24)
		for sc.Scan() {
			line := sc.Text()
			if m := gctrace.FindStringSubmatch(line); m != nil {
				mb, _ := strconv.Atoi(m[1])
				samplesMu.Lock()
				heap = append(heap, sample{time.Since(start), mb * 1024})
				if m[2] != "" { // goroutine stacks: leaked goroutines show here
					st, _ := strconv.Atoi(m[2])
					stacks = append(stacks, sample{time.Since(start), st * 1024})
				}
				samplesMu.Unlock()
			}
			fmt.Fprintln(stderrFile, line)
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	c := &client{w: stdin, inflight: map[int]pending{}, sent: map[string]int{}, answered: map[string]int{},
		errors: map[string]int{}, errorExample: map[string]string{}, notes: map[string]int{}}
	readDone := make(chan struct{})
	go c.readLoop(stdout, readDone)

	wsURI := "file://" + ws
	c.request("initialize", map[string]any{
		"processId": os.Getpid(),
		"rootUri":   wsURI,
		"capabilities": map[string]any{
			"workspace": map[string]any{
				"configuration":          true,
				"workspaceFolders":       true,
				"didChangeWatchedFiles":  map[string]any{"dynamicRegistration": true},
				"didChangeConfiguration": map[string]any{"dynamicRegistration": true},
			},
			"window": map[string]any{"workDoneProgress": true},
		},
		"workspaceFolders": []any{map[string]any{"uri": wsURI, "name": "stress"}},
	})
	c.notify("initialized", map[string]any{})

	// RSS sampling.
	stopSampling := make(chan struct{})
	go func() {
		t := time.NewTicker(*sampleFlag)
		defer t.Stop()
		for {
			select { // the first sample after one period: the process has started
			case <-t.C:
			case <-stopSampling:
				return
			}
			if kib := rss(pid); kib > 0 {
				samplesMu.Lock()
				samples = append(samples, sample{time.Since(start), kib})
				samplesMu.Unlock()
			}
		}
	}()

	open := map[string]*doc{}
	var closed []string // paths not open
	closed = append(closed, files...)
	genN := 0
	var genFiles []string
	ops := map[string]int{}
	nextPause := start.Add(time.Minute)
	var overdueSeen []string

	openDoc := func() {
		if len(closed) == 0 || len(open) >= *maxOpenFlag {
			return
		}
		i := r.Intn(len(closed))
		p := closed[i]
		text, err := os.ReadFile(p)
		if err != nil { // deleted generated file
			closed = append(closed[:i], closed[i+1:]...)
			return
		}
		closed = append(closed[:i], closed[i+1:]...)
		d := &doc{uri: "file://" + p, path: p, version: 1, text: string(text)}
		open[d.uri] = d
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": d.uri, "languageId": "python", "version": 1, "text": d.text}})
	}
	randomDoc := func() *doc {
		if len(open) == 0 {
			return nil
		}
		keys := make([]string, 0, len(open))
		for k := range open {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return open[keys[r.Intn(len(keys))]]
	}
	change := func(d *doc) {
		d.version++
		var ev map[string]any
		switch k := r.Intn(10); {
		case k == 0 && len(reproTexts) > 0: // whole-document replacement
			d.text = reproTexts[r.Intn(len(reproTexts))]
			ev = map[string]any{"text": d.text}
		default:
			a := runeStart(d.text, r.Intn(len(d.text)+1))
			b := a
			if r.Intn(3) == 0 { // deletion, up to a few lines
				b = runeStart(d.text, min(len(d.text), a+r.Intn(200)))
			}
			ins := ""
			if r.Intn(4) != 0 {
				ins = snippets[r.Intn(len(snippets))]
				if r.Intn(20) == 0 && len(reproTexts) > 0 {
					ins = reproTexts[r.Intn(len(reproTexts))]
				}
			}
			ev = map[string]any{"range": map[string]any{"start": position(d.text, a), "end": position(d.text, b)}, "text": ins}
			d.text = d.text[:a] + ins + d.text[b:]
			if len(d.text) > 400_000 { // keep documents realistic: back to the disk text
				d.version++
				orig, _ := os.ReadFile(d.path)
				d.text = string(orig)
				c.notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": d.uri, "version": d.version - 1},
					"contentChanges": []any{ev}})
				ev = map[string]any{"text": d.text}
			}
		}
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": d.uri, "version": d.version},
			"contentChanges": []any{ev}})
	}
	watched := func() {
		var changes []any
		ev := func(p string, typ int) { changes = append(changes, map[string]any{"uri": "file://" + p, "type": typ}) }
		switch k := r.Intn(6); {
		case k <= 1 || len(genFiles) == 0: // create
			genN++
			p := filepath.Join(ws, "gen", fmt.Sprintf("g%04d.py", genN))
			src := snippets[r.Intn(len(snippets))] + snippets[r.Intn(len(snippets))]
			if len(reproTexts) > 0 && r.Intn(2) == 0 {
				src = reproTexts[r.Intn(len(reproTexts))]
			}
			if os.WriteFile(p, []byte(src), 0o644) == nil {
				genFiles = append(genFiles, p)
				closed = append(closed, p)
				ev(p, 1)
			}
		case k == 2: // change
			p := genFiles[r.Intn(len(genFiles))]
			if os.WriteFile(p, []byte(snippets[r.Intn(len(snippets))]), 0o644) == nil {
				ev(p, 2)
			}
		case k == 3: // delete
			i := r.Intn(len(genFiles))
			p := genFiles[i]
			genFiles = append(genFiles[:i], genFiles[i+1:]...)
			os.Remove(p)
			ev(p, 3)
		default: // the links that lead outside
			for link := range links {
				ev(link, 1+r.Intn(2))
			}
			ev(filepath.Join(ws, "pkglink", "secret.py"), 2)
			if r.Intn(10) == 0 {
				ev(filepath.Join(ws, "pyproject.toml"), 2)
			}
		}
		if len(genFiles) > 200 { // keep the workspace from growing without end
			p := genFiles[0]
			genFiles = genFiles[1:]
			os.Remove(p)
			ev(p, 3)
		}
		if len(changes) > 0 {
			c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": changes})
		}
	}

	for i := 0; i < 10; i++ {
		openDoc()
	}
	end := start.Add(*durationFlag)
	lastReport := start
	for time.Now().Before(end) {
		if time.Now().After(nextPause) {
			// Slow reader: stop reading for a few seconds, keep sending.
			pause := time.Duration(3+r.Intn(5)) * time.Second
			c.pauseMu.Lock()
			ops["pause"]++
			go func() { time.Sleep(pause); c.pauseMu.Unlock() }()
			nextPause = time.Now().Add(time.Minute)
		}
		switch k := r.Intn(100); {
		case k < 40:
			if d := randomDoc(); d != nil {
				change(d)
				ops["didChange"]++
			}
		case k < 55:
			if d := randomDoc(); d != nil {
				c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": d.uri},
					"position": position(d.text, runeStart(d.text, r.Intn(len(d.text)+1)))})
				ops["hover"]++
			}
		case k < 65:
			if d := randomDoc(); d != nil {
				a := runeStart(d.text, r.Intn(len(d.text)+1))
				b := runeStart(d.text, min(len(d.text), a+r.Intn(500)))
				c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": d.uri},
					"range":   map[string]any{"start": position(d.text, a), "end": position(d.text, b)},
					"context": map[string]any{"diagnostics": []any{}}})
				ops["codeAction"]++
			}
		case k < 73:
			if id := c.randomInflight(r); id != 0 {
				c.notify("$/cancelRequest", map[string]any{"id": id})
				ops["cancel"]++
			}
		case k < 80:
			openDoc()
			ops["didOpen"]++
		case k < 85:
			if d := randomDoc(); d != nil {
				delete(open, d.uri)
				closed = append(closed, d.path)
				c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": d.uri}})
				ops["didClose"]++
			}
		case k < 95:
			watched()
			ops["didChangeWatchedFiles"]++
		default:
			if d := randomDoc(); d != nil {
				c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": d.uri}})
				ops["didSave"]++
			}
		}
		if late := c.overdue(*timeoutFlag); len(late) > 0 && overdueSeen == nil {
			overdueSeen = late
		}
		if time.Since(lastReport) > time.Minute {
			lastReport = time.Now()
			c.mu.Lock()
			fmt.Printf("%5s: %d in flight, max latency %s, RSS %.0f MiB\n", time.Since(start).Round(time.Second),
				len(c.inflight), c.maxLat.Round(time.Millisecond), float64(rss(pid))/1024)
			c.mu.Unlock()
		}
		select {
		case err := <-exited:
			fmt.Printf("server exited early: %v\n", err)
			exited <- err
			end = time.Now()
		default:
		}
		time.Sleep(time.Duration(r.Intn(15)) * time.Millisecond)
	}

	sendEnd := time.Since(start)
	// Drain: every request must be answered.
	drainStart := time.Now()
	for {
		c.mu.Lock()
		n := len(c.inflight)
		c.mu.Unlock()
		if n == 0 || time.Since(drainStart) > *timeoutFlag {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	unanswered := c.overdue(0)
	close(stopSampling)
	c.request("shutdown", nil)
	time.Sleep(2 * time.Second)
	c.notify("exit", nil)
	var exitErr error
	select {
	case exitErr = <-exited:
	case <-time.After(30 * time.Second):
		exitErr = fmt.Errorf("did not exit 30 s after shutdown+exit")
		cmd.Process.Kill()
		<-exited
	}
	<-stderrDone
	stderrFile.Close()
	<-readDone

	// Report.
	failed := false
	fail := func(format string, args ...any) {
		failed = true
		fmt.Printf("FAIL: "+format+"\n", args...)
	}
	fmt.Printf("\n== after %s (load now: %s)\n", time.Since(start).Round(time.Second), loadavg())
	fmt.Printf("operations: %s\n", counts(ops))
	fmt.Printf("requests sent: %s\n", counts(c.sent))
	fmt.Printf("requests answered: %s\n", counts(c.answered))
	fmt.Printf("error answers: %s\n", counts(c.errors))
	for _, k := range sortedKeys(c.errorExample) {
		fmt.Printf("  %s, e.g. %q\n", k, truncate(c.errorExample[k], 200))
	}
	fmt.Printf("from the server: %s\n", counts(c.notes))
	fmt.Printf("max latency: %s (%s)\n", c.maxLat.Round(time.Millisecond), c.maxLatM)
	fmt.Printf("server exit: %v (race build: %v)\n", exitErr, raceBuild)

	samplesMu.Lock()
	rssMem := summarise(samples, *warmupFlag, sendEnd)
	heapMem := summarise(heap, *warmupFlag, sendEnd)
	samplesMu.Unlock()
	fmt.Printf("RSS: %s\n", rssMem)
	fmt.Printf("live heap after GC (gctrace): %s\n", heapMem)
	stackMem := summarise(stacks, *warmupFlag, sendEnd)
	fmt.Printf("goroutine stacks (gctrace): %s\n", stackMem)

	if overdueSeen != nil {
		fail("requests unanswered after %s during the run: %s", *timeoutFlag, strings.Join(first(overdueSeen, 10), ", "))
	}
	if len(unanswered) > 0 {
		fail("%d requests never answered: %s", len(unanswered), strings.Join(first(unanswered, 10), ", "))
	}
	if len(c.leaks) > 0 {
		fail("the server sent text from outside the workspace (%d messages), e.g. %s", len(c.leaks), c.leaks[0])
	}
	if heapMem.grew(*growthFlag) {
		fail("the live heap grew: end %s > %.1f x warm-up peak %s", mib(heapMem.end), *growthFlag, mib(heapMem.warmPeak))
	}
	// Stacks are reported in whole MB: a few MB more is not yet a trend.
	if stackMem.grew(*growthFlag) && stackMem.end-stackMem.warmPeak >= 4*1024 {
		fail("goroutine stacks grew (leaked goroutines?): end %s > %.1f x warm-up peak %s", mib(stackMem.end), *growthFlag, mib(stackMem.warmPeak))
	}
	switch {
	case rssMem.grew(*growthFlag) && raceBuild:
		// The race runtime keeps metadata of dead synchronisation objects and
		// goroutines (golang/go#14533, #37233), outside the Go heap: its RSS
		// grows with the work done even when the program's memory is flat.
		fmt.Printf("note: RSS grew beyond %.1f x, in a -race build: judged on the live heap (run a plain build for the RSS check)\n", *growthFlag)
	case rssMem.grew(*growthFlag):
		fail("RSS grew: end %s > %.1f x warm-up peak %s", mib(rssMem.end), *growthFlag, mib(rssMem.warmPeak))
	}
	stderrText, _ := os.ReadFile(stderrPath)
	if n := bytes.Count(stderrText, []byte("WARNING: DATA RACE")); n > 0 {
		fail("%d data race report(s); first:\n%s", n, excerpt(stderrText, "WARNING: DATA RACE", 4000))
	}
	for _, p := range []string{"panic:", "fatal error:", "panic in "} { // the last: recovered and logged
		if bytes.Contains(stderrText, []byte(p)) {
			fail("server %s\n%s", p, excerpt(stderrText, p, 4000))
		}
	}
	if exitErr != nil && !failed {
		fail("server exit after shutdown+exit: %v", exitErr)
	}
	fmt.Printf("server stderr: %s (%d bytes)\n", stderrPath, len(stderrText))
	if failed {
		os.Exit(1)
	}
	os.Remove(stderrPath)
	fmt.Println("PASS")
}

type sample struct {
	at  time.Duration
	kib int
}

var gctrace = regexp.MustCompile(`^gc \d+ @.* \d+->\d+->(\d+) MB, \d+ MB goal(?:, (\d+) MB stacks)?`)

// memory sums up a series of memory samples (KiB).
type memory struct {
	start, warmPeak, end, max, n int
}

func mib(k int) string { return fmt.Sprintf("%.0f MiB", float64(k)/1024) }

func (m memory) String() string {
	return fmt.Sprintf("start %s, warm-up peak %s, end (median of the last 30 s) %s, max %s, %d samples",
		mib(m.start), mib(m.warmPeak), mib(m.end), mib(m.max), m.n)
}

func (m memory) grew(factor float64) bool {
	return m.warmPeak > 0 && float64(m.end) > factor*float64(m.warmPeak)
}

// summarise: the peak of the warm-up, and the median of the last 30 s of
// sending, so that one collection cycle does not decide.
func summarise(samples []sample, warmup, sendEnd time.Duration) memory {
	m := memory{n: len(samples)}
	var tail []int
	for i, s := range samples {
		if i == 0 {
			m.start = s.kib
		}
		if s.at <= warmup && s.kib > m.warmPeak {
			m.warmPeak = s.kib
		}
		m.max = max(m.max, s.kib)
		if s.at >= sendEnd-30*time.Second && s.at <= sendEnd {
			tail = append(tail, s.kib)
		}
	}
	sort.Ints(tail)
	if len(tail) > 0 {
		m.end = tail[len(tail)/2]
	} else if len(samples) > 0 {
		m.end = samples[len(samples)-1].kib
	}
	return m
}

// isRaceBuild reads the binary's build settings.
func isRaceBuild(bin string) bool {
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "-race" && s.Value == "true" {
			return true
		}
	}
	return false
}

func copyPy(src, dst string, limit int) []string {
	var out []string
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || len(out) >= limit {
			return nil
		}
		if !strings.HasSuffix(p, ".py") && !strings.HasPrefix(d.Name(), "Fuzz") {
			return nil
		}
		rel, _ := filepath.Rel(src, p)
		if !strings.HasSuffix(rel, ".py") {
			rel += ".py"
		}
		target := filepath.Join(dst, rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		if os.MkdirAll(filepath.Dir(target), 0o755) == nil && os.WriteFile(target, data, 0o644) == nil {
			out = append(out, target)
		}
		return nil
	})
	return out
}

// rss reads VmRSS (KiB) of a running process.
func rss(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				n, _ := strconv.Atoi(f[0])
				return n
			}
		}
	}
	return 0
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.TrimSpace(string(b))
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	total := 0
	for k, v := range m {
		keys = append(keys, k)
		total += v
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func excerpt(text []byte, at string, n int) string {
	i := bytes.Index(text, []byte(at))
	if i < 0 {
		return ""
	}
	return truncate(string(text[i:]), n)
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "stress:", err)
		os.Exit(2)
	}
}
