package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/report"
	"github.com/asyncls/asyncls/rules"
)

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// summary is the closing line of a text run, as ruff prints it: how many
// problems, how many --fix repairs ([*]) and how many more --unsafe-fixes
// would; "All checks passed!" when clean. When errors (files that could
// not be read, fixes not written) were reported above it, it says so
// rather than that all checks passed.
func summary(diags []rules.Diagnostic, found, fixed int, fixMode, unsafe bool, errors int) string {
	s := summaryOfFindings(diags, found, fixed, fixMode, unsafe)
	if errors == 0 {
		return s
	}
	if s == "All checks passed!" {
		return fmt.Sprintf("No problems found in what was checked, but %s (above).", plural(errors, "error"))
	}
	return s + fmt.Sprintf(" And %s (above).", plural(errors, "error"))
}

func summaryOfFindings(diags []rules.Diagnostic, found, fixed int, fixMode, unsafe bool) string {
	if fixMode && fixed > 0 {
		return fmt.Sprintf("Found %s (%d fixed, %d remaining).", plural(found, "problem"), fixed, len(diags))
	}
	if len(diags) == 0 {
		return "All checks passed!"
	}
	safe, unsafeOnly := 0, 0
	for _, d := range diags {
		switch {
		case report.Fixable(d, unsafe):
			safe++
		case report.Fixable(d, true):
			unsafeOnly++
		}
	}
	s := fmt.Sprintf("Found %s.", plural(len(diags), "problem"))
	switch {
	case safe > 0 && unsafeOnly > 0:
		s += fmt.Sprintf(" [*] %d fixable with --fix (%d more with --unsafe-fixes).", safe, unsafeOnly)
	case safe > 0:
		s += fmt.Sprintf(" [*] %d fixable with --fix.", safe)
	case unsafeOnly > 0:
		s += fmt.Sprintf(" No fixes with --fix alone (%d with --fix --unsafe-fixes).", unsafeOnly)
	}
	return s
}

// statJSON is one line of --statistics --output-format json.
type statJSON struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Count   int    `json:"count"`
	Fixable bool   `json:"fixable"`
}

// writeStatistics is --statistics: findings per code, most frequent first
// (a JSON array with --output-format json).
func writeStatistics(w io.Writer, diags []rules.Diagnostic, unsafe bool, format string) {
	type stat struct {
		code    string
		n       int
		fixable bool
	}
	byCode := map[string]*stat{}
	for _, d := range diags {
		s := byCode[d.Code]
		if s == nil {
			s = &stat{code: d.Code, fixable: true}
			byCode[d.Code] = s
		}
		s.n++
		s.fixable = s.fixable && report.Fixable(d, unsafe)
	}
	var stats []*stat
	width := 1
	for _, s := range byCode {
		stats = append(stats, s)
		width = max(width, len(fmt.Sprint(s.n)))
	}
	sort.Slice(stats, func(i, j int) bool {
		if stats[i].n != stats[j].n {
			return stats[i].n > stats[j].n
		}
		return stats[i].code < stats[j].code
	})
	if format == "json" {
		out := make([]statJSON, 0, len(stats))
		for _, s := range stats {
			name := "syntax-error"
			if r := rules.Lookup(s.code); r != nil {
				name = r.Name
			}
			out = append(out, statJSON{s.code, name, s.n, s.fixable})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return
	}
	for _, s := range stats {
		mark, name := "   ", "syntax-error"
		if s.fixable {
			mark = "[*]"
		}
		if r := rules.Lookup(s.code); r != nil {
			name = r.Name
		}
		fmt.Fprintf(w, "%*d\t%-8s\t%s %s\n", width, s.n, s.code, mark, name)
	}
}

// writeShowFixes is --show-fixes: the fixes applied (--fix) or that would
// be (--diff), per file and code; otherwise the findings --fix would repair.
func writeShowFixes(w io.Writer, f *checkFlags, diags []rules.Diagnostic, applied []appliedFix) {
	if !f.fix && !f.diff {
		applied = nil
		for _, d := range diags {
			if report.Fixable(d, f.unsafeFixes) {
				applied = append(applied, appliedFix{d.Path, d.Code, d.Fix.Title})
			}
		}
	}
	verb := map[bool]string{true: "Fixed", false: "Would fix"}[f.fix]
	if len(applied) == 0 {
		fmt.Fprintf(w, "%s nothing.\n", verb)
		return
	}
	fmt.Fprintf(w, "%s %s:\n", verb, plural(len(applied), "problem"))
	type key struct{ path, code string }
	count := map[key]int{}
	var order []key
	for _, a := range applied {
		k := key{a.Path, a.Code}
		if count[k] == 0 {
			order = append(order, k)
		}
		count[k]++
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].path < order[j].path })
	last := ""
	for _, k := range order {
		if k.path != last {
			fmt.Fprintf(w, "- %s:\n", k.path)
			last = k.path
		}
		name := ""
		if r := rules.Lookup(k.code); r != nil {
			name = " (" + r.Name + ")"
		}
		fmt.Fprintf(w, "    %d × %s%s\n", count[k], k.code, name)
	}
}

// showSettings is --show-settings: where the configuration came from and
// what it resolves to.
func showSettings(w io.Writer, cfg *config.Config, paths []string) int {
	src := cfg.Path
	if src == "" {
		src = "(defaults: no pyproject.toml with [tool.asyncls] found)"
	}
	fmt.Fprintf(w, "Settings from: %s\n", src)
	fmt.Fprintf(w, "Paths: %s\n", strings.Join(paths, " "))
	fmt.Fprint(w, cfg.Describe())
	opts := cfg.Options("")
	var enabled []string
	for _, r := range rules.All() {
		if opts.Enabled[r.Code] {
			enabled = append(enabled, r.Code)
		}
	}
	fmt.Fprintf(w, "Enabled rules (%d): %s\n", len(enabled), strings.Join(enabled, " "))
	if len(opts.StrictLoopRules) > 0 {
		fmt.Fprintf(w, "Also enabled in Home Assistant integrations: %s\n", strings.Join(opts.StrictLoopRules, " "))
	}
	var quietInCLI []string
	for _, r := range rules.All() {
		if r.QuietInCommandLineTools && opts.Enabled[r.Code] && !opts.LocalIOInCommandLineTools {
			quietInCLI = append(quietInCLI, r.Code)
		}
	}
	if len(quietInCLI) > 0 {
		fmt.Fprintf(w, "Not run on command-line programs' own modules (local-io-in-cli): %s\n", strings.Join(quietInCLI, " "))
	}
	return exitOK
}

// progress prints a file counter on stderr while a long run goes on: only
// when stderr is a terminal and once the run has taken a second.
type progress struct {
	w       io.Writer
	start   time.Time
	mu      sync.Mutex
	shown   bool
	lastLen int
	last    time.Time
}

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: stderr, start: time.Now()}
}

func (p *progress) update(stage lint.Stage, done, total int) {
	if p == nil {
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.start) < time.Second || (now.Sub(p.last) < 100*time.Millisecond && done != total) {
		return
	}
	p.last = now
	msg := fmt.Sprintf("\r%s %d/%d files", stage, done, total)
	fmt.Fprint(p.w, msg+strings.Repeat(" ", max(p.lastLen-len(msg), 0)))
	p.lastLen = len(msg)
	p.shown = true
}

// done erases the counter line.
func (p *progress) done() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.lastLen)+"\r")
}
